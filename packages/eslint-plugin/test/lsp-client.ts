import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Just enough of a Language Server Protocol client (JSON-RPC over stdio) to drive an editor's ESLint server in a test. */

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface LspWorkspaceEdit {
  documentChanges?: Array<{ edits: LspTextEdit[] }>;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class LspClient {
  readonly #server: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Workspace edits the server asked the editor to apply (`workspace/applyEdit`), oldest first. */
  readonly appliedEdits: LspWorkspaceEdit[] = [];

  /** `settings` answers every `workspace/configuration` request, as the editor extension would. */
  constructor(command: string, args: string[], cwd: string, private readonly settings: unknown) {
    this.#server = spawn(command, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    this.#server.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.#nextId++;
    this.#send({ id, method, params });
    return new Promise<T>((resolve, reject) => this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.#send({ method, params });
  }

  stop(): void {
    this.#server.kill();
  }

  #send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.#server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#server.stdin.write(body);
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      const bodyStart = headerEnd + 4;
      if (this.#buffer.length < bodyStart + length) return;
      const message = JSON.parse(this.#buffer.subarray(bodyStart, bodyStart + length).toString()) as Message;
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      this.#dispatch(message);
    }
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined && message.method) {
      // A request from the server to the editor.
      if (message.method === 'workspace/configuration') {
        const { items } = message.params as { items: unknown[] };
        this.#send({ id: message.id, result: items.map(() => this.settings) });
      } else if (message.method === 'workspace/applyEdit') {
        this.appliedEdits.push((message.params as { edit: LspWorkspaceEdit }).edit);
        this.#send({ id: message.id, result: { applied: true } });
      } else {
        this.#send({ id: message.id, result: null });
      }
    } else if (message.id !== undefined) {
      const waiter = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    }
  }
}

/** Apply LSP edits (0-based lines and UTF-16 characters) to `text`. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const lineStarts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const offset = (p: LspPosition): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
