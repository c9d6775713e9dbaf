/** What a command talks to: injected so tests can run commands in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

export const line = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(`${text}\n`);
};

/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, service stop) so the caller can close cleanly.
 * A second signal while that is under way (or while start-up hangs) ends the process at once.
 */
export function untilSignal(stderr: NodeJS.WritableStream = process.stderr): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        stderr.write(`Received ${signal} again: stopping immediately.\n`);
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
