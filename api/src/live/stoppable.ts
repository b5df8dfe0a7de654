/**
 * An async generator whose `return` (the client went away: yoga ends the subscription) first
 * calls `stop`. A generator waiting inside its body (for the next change, the next session
 * update) cannot take a `return` until that wait ends — maybe never, or minutes later, while
 * it still holds its bus subscription and reads the project after each change. `stop` ends the
 * wait, so the generator leaves its loop and its `finally` releases everything at once.
 */
export function stoppable<T>(generator: AsyncGenerator<T>, stop: () => void): AsyncGenerator<T> {
  const wrapped: AsyncGenerator<T> = {
    next: (...args) => generator.next(...args),
    return: (value) => {
      stop();
      return generator.return(value);
    },
    throw: (error) => {
      stop();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}
