// hiredis: commands go to the host the context was connected to.
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <cstdlib>
#include <string>

#include "common/model.h"

void cache_contact(const Customer& c) {
  redisContext* ctx = redisConnect("cache.fleet-hub.example.cn", 6379);
  void* r = redisCommand(ctx, "SET customer:phone %s", c.phone.c_str());  // expect: violation customer.contact
  freeReplyObject(r);
  freeReplyObject(redisCommand(ctx, "INCR customer:count"));  // expect-none
  redisCommand(ctx, "SET customer:len %d", static_cast<int>(c.phone.size()));  // expect-none
  redisFree(ctx);
}

void cache_internal(const Shipment& s) {
  struct timeval tv = {1, 500000};
  redisContext* ctx = redisConnectWithTimeout("10.0.0.12", 6379, tv);
  redisCommand(ctx, "HSET parcel:%s street %s", s.tracking_no.c_str(), s.recipient.street.c_str());  // expect: allowed shipment.tracking customer.address
  redisCommand(ctx, "PING");  // expect-none
  redisFree(ctx);
}

void data_in_format(const Customer& c, const Shipment& s, const Options& o) {
  const char* host = "redis.sessions.example.com";
  redisContext* ctx = redisConnect(host, 6379);
  const std::string cmd = "SET session:last " + c.email;
  redisCommand(ctx, cmd.c_str());  // expect: violation customer.contact
  redisCommand(ctx, "SET parcel:weight %f", s.weight_kg);  // expect: violation shipment.metrics
  redisCommand(ctx, "SET flags %d:%d", o.email_enabled ? 1 : 0, o.address_family);  // expect-none
  std::string local = c.name;  // kept locally only
  redisCommand(ctx, "SET counter %d", 1);  // expect-none
}

void pipeline(const Customer& c) {
  redisContext* ctx = redisConnect("redis.depot.example.de", 6379);
  redisAppendCommand(ctx, "LPUSH names %s", c.name.c_str());  // expect: allowed customer.identity
  redisAppendCommand(ctx, "LPUSH names %s", "anonymous");  // expect-none
  void* reply = nullptr;
  redisGetReply(ctx, &reply);
}

void argv_form(const Customer& c) {
  redisContext* ctx = redisConnect("cache.fleet-hub.example.cn", 6379);
  const char* argv[] = {"SET", "customer:city", c.city.c_str()};
  const size_t lens[] = {3, 13, c.city.size()};
  redisCommandArgv(ctx, 3, argv, lens);  // expect: violation customer.address
}

void env_host(const Customer& c) {
  redisContext* ctx = redisConnect(std::getenv("REDIS_HOST"), 6379);
  redisCommand(ctx, "SET street %s", c.street.c_str());  // expect: unresolved customer.address
}

void async_cmd(const Customer& c) {
  redisAsyncContext* ac = redisAsyncConnect("cache.fleet-hub.example.cn", 6379);
  redisAsyncCommand(ac, nullptr, nullptr, "SET customer:email %s", c.email.c_str());  // expect: violation customer.contact
  redisAsyncCommand(ac, nullptr, nullptr, "INCR visits");  // expect-none
}

void formatted(const Customer& c) {
  redisContext* ctx = redisConnect("192.168.40.7", 6379);
  char* cmd = nullptr;
  const int len = redisFormatCommand(&cmd, "SET phone %s", c.phone.c_str());
  redisAppendFormattedCommand(ctx, cmd, len);  // expect: allowed customer.contact
}

void unix_socket(const Customer& c) {
  redisContext* ctx = redisConnectUnix("/run/redis/redis-server.sock");
  redisCommand(ctx, "SET city %s", c.city.c_str());  // expect: unresolved customer.address -- a socket path names no host
}
