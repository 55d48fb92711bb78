// Qt Network sockets: QTcpSocket/QSslSocket::connectToHost gives the peer of write();
// QUdpSocket::writeDatagram names its peer.
#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkDatagram>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>
#include <QtNetwork/QUdpSocket>

#include "common/model.h"

void to_label_printer(const Shipment& s) {
  QTcpSocket sock;
  sock.connectToHost("192.168.10.40", 9100);
  const std::string zpl = "^XA^FD" + s.recipient.name + "^FS^FD" + s.recipient.street + "^FS^XZ";
  sock.write(zpl.c_str());  // expect: allowed customer.identity customer.address
  sock.write("~HS", 3);  // expect-none
}

void to_partner(const Customer& c, const Options& o) {
  QTcpSocket* sock = new QTcpSocket;
  sock->connectToHost(QString("edi.partner-network.com"), 7000);
  sock->write(QByteArray::fromStdString(c.email));  // expect: violation customer.contact
  sock->write(QByteArray::number(o.address_family));  // expect-none
  QSslSocket tls;
  tls.connectToHostEncrypted("secure.depot-link.example.cn", 443);
  tls.write(c.phone.data(), static_cast<qint64>(c.phone.size()));  // expect: violation customer.contact
  QSslSocket eu;
  eu.connectToHostEncrypted("sync.partner-depot.de", 443);
  eu.write(QByteArray::fromStdString(c.street));  // expect: allowed customer.address
  eu.write(QByteArray::fromStdString(std::to_string(c.street.size())));  // expect-none
}

void datagrams(const Shipment& s) {
  QUdpSocket udp;
  const QByteArray w = QByteArray::number(s.weight_kg);
  udp.writeDatagram(w, QHostAddress("10.9.0.3"), 5140);  // expect: allowed shipment.metrics
  udp.writeDatagram(s.tracking_no.data(), static_cast<qint64>(s.tracking_no.size()), QHostAddress("203.0.113.7"), 5140);  // expect: violation shipment.tracking
  QNetworkDatagram dg(QByteArray::fromStdString(s.origin), QHostAddress("192.168.1.20"), 5141);
  udp.writeDatagram(dg);  // expect: allowed shipment.routing
  udp.writeDatagram(QByteArray("hb"), QHostAddress("203.0.113.7"), 5140);  // expect-none
}
