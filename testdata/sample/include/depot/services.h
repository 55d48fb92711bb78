// Outbound integrations of the depot: notifications, customs, hub links, tracking
// feeds and the nightly manifest export.
#pragma once

#include <string>

#include "depot/model.h"

namespace depot {

// support.cpp
bool post_json(const std::string& url, const std::string& body);
std::string pseudonymize(const std::string& value);

// notify.cpp
bool text_out_for_delivery(const Consignment& c);
bool send_email_preview(const Recipient& r);
bool register_contact_token(const Recipient& r);
bool report_backlog(const Batch& batch);

// customs.cpp
bool file_customs_declaration(const Consignment& c);
bool archive_recipient(const Consignment& c);

// hub_link.cpp
bool push_route_plan(const Consignment& c);
bool sync_merchant_ledger(const Merchant& m);
bool send_heartbeat(const DepotConfig& cfg);
bool rebuild_phone_index(const Batch& batch);

// tracking.cpp
bool publish_status(const Consignment& c);
bool hand_over_to_linehaul(const Consignment& c);

// manifest.cpp
bool export_manifest(const Batch& batch);

}  // namespace depot
