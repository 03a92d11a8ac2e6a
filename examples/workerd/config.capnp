# workerd configuration of the example shop: `npm run build`, then `npm start` (or
# `workerd serve config.capnp --socket-addr http=127.0.0.1:8788` with the variables below set).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "shop", worker = .shop),
    # Outbound requests (AvaTax). "local" lets the worker reach a sandbox on this machine;
    # a deployment talking to AvaTax itself needs "public" only.
    (name = "internet", network = (allow = ["public", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8788", http = (), service = "shop") ],
);

const shop :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "cdn.js", esModule = embed "dist/cdn.js"),
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  bindings = [
    (name = "AVATAX_ENVIRONMENT", fromEnvironment = "AVATAX_ENVIRONMENT"),
    (name = "AVATAX_ACCOUNT_ID", fromEnvironment = "AVATAX_ACCOUNT_ID"),
    (name = "AVATAX_LICENSE_KEY", fromEnvironment = "AVATAX_LICENSE_KEY"),
    (name = "AVATAX_COMPANY_ID", fromEnvironment = "AVATAX_COMPANY_ID"),
    (name = "CERT_ELEMENTS_SECRET", fromEnvironment = "CERT_ELEMENTS_SECRET"),
  ],
  globalOutbound = "internet",
);
