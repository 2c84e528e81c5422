// pg exports its lib folder ("./lib/*") but @types/pg does not describe it. prepareValue is the function
// pg itself applies to every parameter; for an array it returns the PostgreSQL array literal.
declare module "pg/lib/utils" {
  const utils: { prepareValue(value: unknown): string };
  export default utils;
}
