"""kafka-python (Debian's python3-kafka 2.0) in the client matrix, one scenario per call.
Usage: kafka_python_matrix.py SCENARIO BROKERS TOPIC GROUP

  keyed   bootstraps (kafka-python probes the broker's version, Metadata v0 included), creates
          TOPIC-created with 2 partitions, produces keyed records with headers to it, and reads
          them back in GROUP, committing what it read
  gzip    produces two padded values to TOPIC partition 0 with gzip, and reads them back; the
          other codecs need Python modules kafka-python only imports when present

Prints one JSON object with what the scenario saw; any error goes to stderr with a non-zero exit.
"""
import json
import sys

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

scenario, brokers, topic, group = sys.argv[1:5]
TIMEOUT_S = 20


def read(name, count, **config):
    consumer = KafkaConsumer(bootstrap_servers=brokers, group_id=group, auto_offset_reset='earliest',
                             enable_auto_commit=False, consumer_timeout_ms=TIMEOUT_S * 1000, **config)
    consumer.subscribe([name])
    got = []
    for message in consumer:
        got.append(message)
        if len(got) == count:
            break
    if len(got) < count:
        raise TimeoutError(f'{len(got)} of {count} records within {TIMEOUT_S} s')
    consumer.commit()
    committed = {p: consumer.committed(TopicPartition(name, p)) for p in sorted({m.partition for m in got})}
    consumer.close()
    return got, committed


def run_keyed():
    name = f'{topic}-created'
    admin = KafkaAdminClient(bootstrap_servers=brokers)
    admin.create_topics([NewTopic(name, 2, 1)])
    admin.close()
    producer = KafkaProducer(bootstrap_servers=brokers)
    for i in range(6):
        key = f'order-{i % 3}'
        producer.send(name, key=key.encode(), value=f'{key}/{i}'.encode(), headers=[('event-type', b'OrderPlaced')])
    producer.flush(TIMEOUT_S)
    got, committed = read(name, 6)
    return {
        'created': name,
        'received': [{'key': m.key.decode(), 'value': m.value.decode(), 'partition': m.partition,
                      'headers': [[k, v.decode()] for k, v in m.headers]} for m in got],
        'committed': {str(p): offset for p, offset in committed.items()},
    }


def run_gzip():
    producer = KafkaProducer(bootstrap_servers=brokers, compression_type='gzip')
    for n in (1, 2):
        producer.send(topic, value=f'gzip-{n}:{"x" * 1000}'.encode(), partition=0)
    producer.flush(TIMEOUT_S)
    got, _ = read(topic, 2)
    return {'values': [m.value.decode().split(':')[0] for m in got]}


SCENARIOS = {'keyed': run_keyed, 'gzip': run_gzip}
print(json.dumps(SCENARIOS[scenario]()))
