// Generated code (orders.pb.h, orders.grpc.pb.h) is produced by protoc at test time.
#include <grpcpp/grpcpp.h>

#include <fstream>
#include <string>

#include "common/model.h"
#include "orders.grpc.pb.h"
#include "orders.pb.h"

void submit_to_cn(const Shipment& s) {
  auto stub = depot::OrderService::NewStub(
      grpc::CreateChannel("orders.partner.example.cn:443", grpc::SslCredentials(grpc::SslCredentialsOptions())));
  depot::Order order;
  order.set_tracking_no(s.tracking_no);
  order.mutable_recipient()->set_email(s.recipient.email);
  grpc::ClientContext ctx;
  depot::Ack ack;
  stub->Submit(&ctx, order, &ack);  // expect: violation shipment.tracking customer.contact
}

void submit_counts(const Shipment& s) {
  auto stub = depot::OrderService::NewStub(grpc::CreateChannel("10.0.4.2:50051", grpc::InsecureChannelCredentials()));
  depot::Order order;
  order.set_item_count(static_cast<int>(s.recipient.name.size()));
  grpc::ClientContext ctx;
  depot::Ack ack;
  stub->Submit(&ctx, order, &ack);  // expect-none
}

void export_order(const Shipment& s) {
  depot::Order order;
  order.set_tracking_no(s.tracking_no);
  std::ofstream out("/var/spool/orders/order.bin", std::ios::binary);
  order.SerializeToOstream(&out);  // expect: unresolved shipment.tracking
  std::string wire;
  order.SerializeToString(&wire);
  std::ofstream copy("/var/spool/orders/copy.bin");
  copy << wire;  // expect: unresolved shipment.tracking
}
