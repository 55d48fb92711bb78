/* A producer whose configuration goes through a checking wrapper: the broker list
 * is one key among many, so the destination the model sets on the configuration
 * depends on the key the caller passes. */
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <string.h>

struct manifest_line {
    char tracking_number[24];
    char recipient_address[96];
};

static int conf_put(rd_kafka_conf_t *conf, const char *key, const char *value)
{
    char err[256];
    if (rd_kafka_conf_set(conf, key, value, err, sizeof err) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "%s: %s\n", key, err);
        return -1;
    }
    return 0;
}

int publish_line(const struct manifest_line *m)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    conf_put(conf, "client.id", "manifest-feed");
    conf_put(conf, "bootstrap.servers", "kafka-1.tianjin-freight.cn:9092");
    conf_put(conf, "linger.ms", "5");
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, NULL, 0);
    return rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("manifest"),  // expect: violation customer.address
                             RD_KAFKA_V_VALUE((void *)m->recipient_address, strlen(m->recipient_address)),
                             RD_KAFKA_V_END);
}
