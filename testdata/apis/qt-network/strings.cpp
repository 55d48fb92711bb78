// Qt strings that build URLs and bodies: QStringLiteral's text, QString::arg's
// numbered placeholders, JSON objects filled through `obj[key] = value`, and a
// broker address read from the process environment.
#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkRequest>

#include "common/model.h"

namespace {
const QString kPlatformHost = QStringLiteral("gw.platform.example.cn");
const QString kCarrierHost = QStringLiteral("api.carrier.example.de");
}  // namespace

void post_arg_url(QNetworkAccessManager& nam, const Shipment& s) {
  const QUrl url(QStringLiteral("https://%1/api/v3/%2").arg(kPlatformHost, QStringLiteral("parcels")));
  nam.post(QNetworkRequest(url), QByteArray::fromStdString(s.tracking_no));  // expect: violation shipment.tracking
}

void post_chained_arg(QNetworkAccessManager& nam, const Customer& c, int depot) {
  const QUrl url(QString("https://%2/depots/%1/notify").arg(depot).arg(kCarrierHost));
  nam.post(QNetworkRequest(url), QByteArray::fromStdString(c.email));  // expect: allowed customer.contact
}

void post_json_by_key(QNetworkAccessManager& nam, const Customer& c) {
  QJsonObject body;
  body[QStringLiteral("name")] = QString::fromStdString(c.name);
  nam.post(QNetworkRequest(QUrl(QStringLiteral("https://%1/v1").arg(kPlatformHost))),  // expect: violation customer.identity
           QJsonDocument(body).toJson());
  QJsonObject ping;
  ping[QStringLiteral("depot")] = 7;
  nam.post(QNetworkRequest(QUrl(QStringLiteral("https://%1/v1").arg(kPlatformHost))),  // expect-none
           QJsonDocument(ping).toJson());
}

void post_to_env_broker(QNetworkAccessManager& nam, const Shipment& s) {
  const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  const QUrl url(env.value(QStringLiteral("DEPOT_BROKER_URL")));
  nam.post(QNetworkRequest(url), QByteArray::fromStdString(s.origin));  // expect: unresolved shipment.routing
}
