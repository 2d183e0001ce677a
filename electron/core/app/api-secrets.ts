// The secret store's verbs for the UIs: set a value by name, list names. A value only goes in: it
// is never returned, logged, put in an activity entry or a snapshot.
import type { ContractHandlers } from '../../contract/channels.js';
import { VerbError } from '../../contract/dispatch.js';
import { SECRET_NAME, SECRET_NAME_ERROR, type SecretStore } from '../secrets/index.js';

/** The verbs {@link secretHandlers} implements. */
export type SecretVerb = 'secret:set' | 'secret:list';

/** Build the handlers of {@link SecretVerb} over `secrets`; `changed` pushes a fresh snapshot. */
export function secretHandlers(secrets: SecretStore, changed: () => void): Pick<ContractHandlers, SecretVerb> {
  return {
    'secret:set': async ({ name, value }) => {
      if (!SECRET_NAME.test(name)) throw new VerbError('invalid-input', `secret:set: name: invalid secret name ${JSON.stringify(name)}: ${SECRET_NAME_ERROR}`);
      // A store failure may quote what it was given; say only where it failed.
      try {
        await secrets.set(name, value);
      } catch (err) {
        throw new VerbError('failed', `secret:set: could not store ${name} in ${secrets.location}: ${(err as Error).message.replaceAll(value, '…')}`);
      }
      changed(); // an agent that waited for this key may be ready now
      return { name };
    },
    'secret:list': async () => ({ names: secrets.list() }),
  };
}
