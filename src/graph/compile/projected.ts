/**
 * How a field resolver tells a compiled parent from one loaded today's way: a compiled
 * statement projects the value of every relationship field it was asked for under `@<field>`
 * (project.ts); a parent without that key came from a loader, and the resolver loads.
 */
export function projected<T>(parent: object, field: string, otherwise: () => T): T {
  const key = `@${field}`;
  return key in parent ? ((parent as Record<string, unknown>)[key] as T) : otherwise();
}

/** The projected value of `field`, or undefined when the parent was not compiled. */
export function projectedValue<T>(parent: object, field: string): T | undefined {
  return (parent as Record<string, T | undefined>)[`@${field}`];
}

/**
 * Makes a field resolver hand on the value a compiled statement projected for its field (the
 * method's name, as type-graphql names the field), and run as before when the parent was
 * loaded another way. The parent is the method's first argument (its `@Root()`).
 */
export function FromSelection(): MethodDecorator {
  return (_target, propertyKey, descriptor) => {
    const original = descriptor.value as unknown as (...args: unknown[]) => unknown;
    const key = `@${String(propertyKey)}`;
    const wrapped = function (this: unknown, parent: object, ...rest: unknown[]) {
      return key in parent ? (parent as Record<string, unknown>)[key] : original.call(this, parent, ...rest);
    };
    (descriptor as PropertyDescriptor).value = wrapped;
    return descriptor;
  };
}
