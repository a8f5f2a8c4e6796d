declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  type Busboy = Writable & {
    on(
      event: "file",
      listener: (name: string, stream: Readable, info: { filename: string; mimeType: string }) => void,
    ): Busboy;
    on(event: "field", listener: (name: string, value: string) => void): Busboy;
    on(event: "close", listener: () => void): Busboy;
    on(event: "error", listener: (error: unknown) => void): Busboy;
  };
  export default function busboy(options: {
    headers: Record<string, string>;
    limits?: { files?: number; fields?: number; fileSize?: number };
  }): Busboy;
}
