// Pin the zone for the worker processes too, before any Date is created.
export default function setup(): void {
  process.env.TZ = 'Etc/GMT+2';
}
