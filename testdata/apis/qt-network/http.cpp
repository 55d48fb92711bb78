// Qt Network HTTP: QNetworkAccessManager::post/put/sendCustomRequest/get send to the URL
// of their QNetworkRequest.
#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHttpMultiPart>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>

#include "common/model.h"

void post_tracking(QNetworkAccessManager& nam, const Shipment& s) {
  const QByteArray body = QByteArray::fromStdString(s.tracking_no + ";" + s.destination);
  nam.post(QNetworkRequest(QUrl("https://api.tracking-partner.de/v2/events")), body);  // expect: allowed shipment.tracking shipment.routing
  nam.post(QNetworkRequest(QUrl("https://api.tracking-partner.de/v2/ping")), QByteArray("ping"));  // expect-none
}

void put_customer(QNetworkAccessManager& nam, const Customer& c) {
  QNetworkRequest req(QUrl("https://crm.saas-vendor.com/api/contacts/1"));
  req.setRawHeader("Content-Type", "application/json");
  QJsonObject obj;
  obj.insert("email", QString::fromStdString(c.email));
  nam.put(req, QJsonDocument(obj).toJson());  // expect: violation customer.contact
  QByteArray csv;
  csv.append(c.name.c_str());
  csv.append(',');
  csv.append(QString::fromStdString(c.phone).toUtf8());
  nam.sendCustomRequest(req, "PATCH", csv);  // expect: violation customer.identity customer.contact
  const QByteArray count = QByteArray::number(static_cast<int>(c.email.size()));
  nam.put(req, count);  // expect-none
}

// A header's text is no part of where the request goes: a URL without a path is not
// continued by the value of a header set after it, also on a request a helper built.
QNetworkRequest partner_request() { return QNetworkRequest(QUrl("https://api.tracking-partner.de")); }

void post_with_route_header(QNetworkAccessManager& nam, const Shipment& s) {
  QNetworkRequest req = partner_request();
  req.setRawHeader("X-Mirror", "relay.example.cn");
  req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
  nam.post(req, QByteArray::fromStdString(s.tracking_no));  // expect: allowed shipment.tracking
}

void headers_and_query(QNetworkAccessManager& nam, const Customer& c) {
  QNetworkRequest req;
  req.setUrl(QUrl("https://lookup.address-check.example.cn/v1"));
  req.setRawHeader("X-City", QByteArray::fromStdString(c.city));
  nam.get(req);  // expect: violation customer.address
  QUrl url("https://geo.logistics-eu.eu/lookup");
  QUrlQuery q;
  q.addQueryItem("street", QString::fromStdString(c.street));
  url.setQuery(q);
  nam.get(QNetworkRequest(url));  // expect: allowed customer.address
  nam.get(QNetworkRequest(QUrl("https://geo.logistics-eu.eu/status")));  // expect-none
}

void multipart_internal(QNetworkAccessManager& nam, const Shipment& s) {
  QHttpPart part;
  part.setBody(QByteArray::fromStdString(s.recipient.name));
  QHttpMultiPart multi(QHttpMultiPart::FormDataType);
  multi.append(part);
  QNetworkRequest req(QUrl("http://10.8.0.4:8080/labels"));
  nam.post(req, &multi);  // expect: allowed customer.identity
  QNetworkRequest copy(req);
  nam.post(copy, QByteArray::fromStdString(s.recipient.email));  // expect: allowed customer.contact
  const bool heavy = s.weight_kg > 30.0;
  nam.post(copy, heavy ? QByteArray("1") : QByteArray("0"));  // expect-none
}

void configured_endpoints(QNetworkAccessManager& nam, const Customer& c) {
  QSettings settings;
  const QUrl crm(settings.value("crm/url").toString());
  nam.post(QNetworkRequest(crm), QByteArray::fromStdString(c.name));  // expect: unresolved customer.identity
  const QString base = QString::fromLocal8Bit(qgetenv("GEO_API"));
  QNetworkRequest req(QUrl(base + "/v1/lookup"));
  nam.put(req, QByteArray::fromStdString(c.street));  // expect: unresolved customer.address
}

// A URL built part by part: the host goes after the scheme, a path after the host.
// A path from the settings is not known, but it cannot change the host.
QUrl partner_url(const QString& path) {
  QUrl url;
  url.setScheme(QStringLiteral("https"));
  url.setHost(QStringLiteral("api.partner-hub.cn"));
  url.setPath(path);
  return url;
}

void assembled_urls(QNetworkAccessManager& nam, const Shipment& s) {
  QSettings settings;
  nam.post(QNetworkRequest(partner_url("/v2/events")), QByteArray::fromStdString(s.tracking_no));  // expect: violation shipment.tracking
  QUrl base("https://api.tracking-partner.de");
  base.setPath(settings.value("tracking/path").toString());
  nam.post(QNetworkRequest(base), QByteArray::fromStdString(s.tracking_no));  // expect: allowed shipment.tracking
}
