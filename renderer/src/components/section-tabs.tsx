// The section tab bar: WAI-ARIA tabs with arrow/Home/End keys and automatic activation.
import { useRef, type KeyboardEvent } from 'react';
import { SECTIONS, useUiStore, type SectionId } from '../stores/ui-store.js';

/** Tab titles; they are also the tabs' accessible names (the E2E test clicks them). */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  permissions: 'Permissions',
  pairing: 'Pairing',
  accounts: 'Accounts',
  activity: 'Conversations',
  settings: 'Settings',
};

/** The DOM ids that tie a tab to its panel. */
export const tabId = (s: SectionId) => `tab-${s}`;
/** The panel id of a section. */
export const panelId = (s: SectionId) => `panel-${s}`;

/** Props of {@link SectionTabs}. */
export interface SectionTabsProps {
  /** Small visual counters (e.g. pending requests); hidden from the accessible name on purpose. */
  readonly counts?: Partial<Record<SectionId, number>>;
}

/** The tab list; only the selected tab is in the Tab order (roving tabindex). */
export function SectionTabs({ counts = {} }: SectionTabsProps) {
  const section = useUiStore((s) => s.section);
  const setSection = useUiStore((s) => s.setSection);
  const refs = useRef(new Map<SectionId, HTMLButtonElement>());

  const move = (to: SectionId) => {
    useUiStore.setState({ attentionDone: true }); // the person's choice wins over the automatic jump
    setSection(to);
    refs.current.get(to)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = SECTIONS.indexOf(section);
    const last = SECTIONS.length - 1;
    const target = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(SECTIONS[target] as SectionId);
  };

  return (
    <div role="tablist" aria-label="Sections" className="tabs" onKeyDown={onKeyDown}>
      {SECTIONS.map((s) => {
        const count = counts[s] ?? 0;
        return (
          <button
            key={s}
            ref={(el) => {
              if (el) refs.current.set(s, el);
              else refs.current.delete(s);
            }}
            type="button"
            role="tab"
            id={tabId(s)}
            aria-selected={s === section}
            aria-controls={panelId(s)}
            tabIndex={s === section ? 0 : -1}
            className="tab"
            onClick={() => {
              useUiStore.setState({ attentionDone: true });
              setSection(s);
            }}
          >
            {SECTION_TITLES[s]}
            {count > 0 ? (
              <span className="tab-count" aria-hidden="true">
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
