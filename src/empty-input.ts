import { EventEmitter } from "node:events";

/**
 * What /dev/null gives a reader (`knot start < /dev/null`, a service, cron): an input with no
 * data that ends as soon as it is read, as Node's own stream of it would. It is read as knot's
 * readers read standard input (src/session/input.ts, src/ui/asking.ts): "data" and "end"
 * listened for, then resumed, later paused. As with a stream, adding a "data" listener reads it
 * too, and "end" comes once, after the code that started the reading has run.
 *
 * Made without node:stream, whose twenty modules cost a start about 2 ms, and without Node's
 * stream of the file, which starts its pool of threads to find at once that it is empty.
 */
export class EmptyInput extends EventEmitter {
  readonly fd = 0;
  readonly isTTY = false;
  /** "end" has been given. */
  readableEnded = false;
  private flowing = false;
  private pending: NodeJS.Immediate | undefined;

  constructor() {
    super();
    this.on("newListener", (event: string) => {
      if (event === "data") this.resume();
    });
  }

  resume(): this {
    this.flowing = true;
    if (!this.readableEnded && !this.pending) {
      this.pending = setImmediate(() => {
        this.pending = undefined;
        if (!this.flowing || this.readableEnded) return;
        this.readableEnded = true;
        this.emit("end");
      });
    }
    return this;
  }

  pause(): this {
    this.flowing = false;
    return this;
  }

  isPaused(): boolean {
    return !this.flowing;
  }

  setEncoding(): this {
    return this;
  }

  read(): null {
    return null;
  }
}
