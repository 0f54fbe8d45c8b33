import { UnpopulatedPropertyError } from '../errors';

/**
 * A property the REST API returns only on request (views, connections, images). Reading it before the matching
 * `populate*` call fails with a message naming that call, as TSC does, instead of quietly returning nothing.
 */
export class Lazy<T> {
  private value: T | undefined;
  private loaded = false;

  constructor(private readonly howToPopulate: string) {}

  get(): T {
    if (!this.loaded) throw new UnpopulatedPropertyError(this.howToPopulate);
    return this.value as T;
  }

  set(value: T): void {
    this.value = value;
    this.loaded = true;
  }

  get isPopulated(): boolean {
    return this.loaded;
  }
}
