console.log("0.9.0")
