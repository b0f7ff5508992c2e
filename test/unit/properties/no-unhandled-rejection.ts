/**
 * Records unhandled promise rejections while a property test file runs; its afterAll fails the
 * file if there was any. Call once at the top of the file.
 */
export function failOnUnhandledRejection(): void {
  const seen: unknown[] = [];
  const record = (reason: unknown) => void seen.push(reason);
  beforeAll(() => void process.on('unhandledRejection', record));
  afterAll(async () => {
    // Rejections are reported a turn after they happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', record);
    expect(seen).toEqual([]);
  });
}
