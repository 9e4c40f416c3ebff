// What the types must refuse: each `@ts-expect-error` line is a mistake an embedder could
// make; `tsc --noEmit --strict` fails if one of them type-checks after all (the types
// would then be looser than the code, which rejects or ignores these).
import { createSession, HostError, Session } from "stackswitch";

export async function mistakes(): Promise<void> {
  // @ts-expect-error Session's constructor is private: sessions come from createSession()
  new Session();
  // @ts-expect-error no such backend
  await createSession({ backend: "wasmtime" });
  // @ts-expect-error filesystem is "memory" or "node"
  await createSession({ filesystem: "disk" });
  // @ts-expect-error input resolves to a line of text
  await createSession({ input: async () => 42 });
  // @ts-expect-error host functions take and return HostValues, not functions
  await createSession({ functions: { f: () => () => 1 } });
  // @ts-expect-error env values are strings
  await createSession({ env: { DEBUG: true } });
  // @ts-expect-error an unknown option is a typo
  await createSession({ stdot: (text: string) => console.log(text) });
  const session = await createSession();
  // @ts-expect-error run() takes source text or bytes
  await session.run(42);
  // @ts-expect-error the backend is fixed when the session is made
  session.backend = "jspi";
  // @ts-expect-error only these kinds choose a Python exception
  new HostError("ValueError", "no");
}
