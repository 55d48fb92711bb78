// Outbox, part 1: filling the queue.
#include <utility>

#include "wire.h"

void Outbox::enqueue(std::string topic, std::string body) {
  OutMsg m;
  m.seq = next_seq_++;
  m.topic = std::move(topic);
  m.body = std::move(body);
  pending_.push_back(std::move(m));
}

void Outbox::enqueue_notice(const Notice& n) { enqueue(n.channel(), n.render()); }

void Outbox::discard_all() { pending_.clear(); }
