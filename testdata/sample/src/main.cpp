// depotd: runs one dispatch cycle over a demo batch.
#include <curl/curl.h>

#include <cstdio>

#include "depot/services.h"

using namespace depot;

static Batch demo_batch() {
  Consignment c;
  c.waybill_number = "CDP-2024-000417";
  c.contents_description = "ceramic tea set";
  c.hs_code = "6912.00";
  c.declared_value = 89.90;
  c.weight_grams = 2350;
  c.origin_hub = "LEJ";
  c.destination_hub = "MUC-3";
  c.to = Recipient{"Greta Lindqvist", "greta@example.org", "+49 151 0000000", "Hafenstrasse 7", "04109", "Leipzig", 51.34, 12.37};
  c.from = Merchant{"M-2291", "Teehaus Nord GmbH", "DE999999999"};
  return Batch{c};
}

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const DepotConfig cfg{true, 2, "LEJ-01"};
  const Batch batch = demo_batch();
  int failures = 0;
  for (const Consignment& c : batch) {
    failures += !file_customs_declaration(c);
    failures += !push_route_plan(c);
    failures += !publish_status(c);
    failures += !hand_over_to_linehaul(c);
    failures += !text_out_for_delivery(c);
    failures += !send_email_preview(c.to);
    failures += !register_contact_token(c.to);
    failures += !archive_recipient(c);
    failures += !sync_merchant_ledger(c.from);
  }
  failures += !report_backlog(batch);
  failures += !rebuild_phone_index(batch);
  failures += !send_heartbeat(cfg);
  failures += !export_manifest(batch);
  std::printf("depot %s: cycle finished, %d step(s) failed\n", cfg.depot_code.c_str(), failures);
  curl_global_cleanup();
  return failures == 0 ? 0 : 1;
}
