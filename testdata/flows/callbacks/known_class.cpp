// A virtual call on an object whose class the function can see runs that class's
// override only; through a parameter or a pointer, any override may run.
#include <sys/socket.h>

#include <string>

#include "common/model.h"

class ContactFormat {
 public:
  virtual ~ContactFormat() = default;
  virtual std::string line(const Customer& c) const = 0;
};

// The full phone number, for the courier's handset.
class CourierFormat : public ContactFormat {
 public:
  std::string line(const Customer& c) const override { return "tel:" + c.phone; }
};

// Masked, for the public tracking page.
class PublicFormat : public ContactFormat {
 public:
  std::string line(const Customer&) const override { return "tel:***"; }
};

// The public format with the depot's hotline appended.
class HotlineFormat : public PublicFormat {
 public:
  std::string line(const Customer& c) const override { return PublicFormat::line(c) + " / depot 040-555"; }
};

void publish_masked(int fd, const Customer& c) {
  PublicFormat masked;
  const ContactFormat& format = masked;
  const std::string text = format.line(c);
  send(fd, text.data(), text.size(), 0);  // expect-none
}

void publish_with_hotline(int fd, const Customer& c) {
  HotlineFormat hotline;
  const ContactFormat& format = hotline;
  const std::string text = format.line(c);
  send(fd, text.data(), text.size(), 0);  // expect-none
}

void publish_masked_directly(int fd, const Customer& c) {
  PublicFormat masked;
  const std::string text = masked.line(c);
  send(fd, text.data(), text.size(), 0);  // expect-none
}

void hand_to_courier(int fd, const Customer& c) {
  CourierFormat courier;
  const ContactFormat& format = courier;
  const std::string text = format.line(c);
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.contact
}

// Any format may come in, the courier's among them.
void publish_as(int fd, const ContactFormat& format, const Customer& c) {
  const std::string text = format.line(c);
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.contact
}

// The pointer is re-aimed on one path: either override may run.
void publish_for(int fd, const Customer& c, bool courier_view) {
  PublicFormat masked;
  CourierFormat courier;
  const ContactFormat* format = &masked;
  if (courier_view) format = &courier;
  const std::string text = format->line(c);
  send(fd, text.data(), text.size(), 0);  // expect: unresolved customer.contact
}
