// Outbox, part 2: draining the queue onto the socket.
#include <sys/socket.h>

#include <string>

#include "wire.h"

std::size_t Outbox::flush() {
  std::size_t sent = 0;
  while (!pending_.empty()) {
    const OutMsg& m = pending_.front();
    const std::string frame = m.topic + "\n" + m.body;
    send(fd_, frame.data(), frame.size(), 0);
    pending_.pop_front();
    ++sent;
  }
  return sent;
}

// Receipts name the queued messages by sequence number only.
void Outbox::send_receipts() {
  for (const OutMsg& m : pending_) send(fd_, &m.seq, sizeof m.seq, 0);
}
