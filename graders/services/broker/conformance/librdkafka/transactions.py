"""Transactions through librdkafka (Debian's python3-confluent-kafka), for the course broker's
conformance suite. Usage: transactions.py BROKERS TOPIC TRANSACTIONAL_ID GROUP_PREFIX

Commits c1 and c2, aborts a1, commits c3, then reads the topic back with a read_committed
and a read_uncommitted consumer. Then a second producer takes over the transactional id
while the first has a transaction open with z1 in it, and the first tries to commit.
Prints one JSON object with both lists of values and the error the first producer got;
any other error is printed to stderr and exits non-zero.
"""
import json
import sys

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

brokers, topic, transactional_id, group_prefix = sys.argv[1:5]
TIMEOUT_S = 20


def transactional_producer():
    producer = Producer({
        'bootstrap.servers': brokers,
        'transactional.id': transactional_id,
        'transaction.timeout.ms': 30000,
    })
    producer.init_transactions(TIMEOUT_S)
    return producer


def produce_transactions():
    producer = transactional_producer()
    for values, commit in ((['c1', 'c2'], True), (['a1'], False), (['c3'], True)):
        producer.begin_transaction()
        for value in values:
            producer.produce(topic, value=value.encode(), key=b'k')
        # abort_transaction drops what is still queued: flush so the aborted records reach
        # the log, where read_committed consumers must skip them.
        if producer.flush(TIMEOUT_S) > 0:
            raise TimeoutError(f'{values} not delivered within {TIMEOUT_S} s')
        if commit:
            producer.commit_transaction(TIMEOUT_S)
        else:
            producer.abort_transaction(TIMEOUT_S)


def fenced_zombie():
    """The error a producer gets committing after a newer one initialised its transactional id."""
    zombie = transactional_producer()
    zombie.begin_transaction()
    zombie.produce(topic, value=b'z1', key=b'k')
    zombie.flush(TIMEOUT_S)
    transactional_producer()
    try:
        zombie.commit_transaction(TIMEOUT_S)
    except KafkaException as error:
        return {'name': error.args[0].name(), 'fatal': error.args[0].fatal()}
    return None


def read_all(isolation_level):
    consumer = Consumer({
        'bootstrap.servers': brokers,
        'group.id': f'{group_prefix}-{isolation_level}',
        'isolation.level': isolation_level,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,
        'enable.partition.eof': True,
    })
    consumer.subscribe([topic])
    values = []
    try:
        while True:
            message = consumer.poll(TIMEOUT_S)
            if message is None:
                raise TimeoutError(f'no end of partition within {TIMEOUT_S} s; read {values}')
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    if 'c3' in values:
                        return values
                    continue
                raise KafkaException(message.error())
            values.append(message.value().decode())
    finally:
        consumer.close()


produce_transactions()
print(json.dumps({
    'readCommitted': read_all('read_committed'),
    'readUncommitted': read_all('read_uncommitted'),
    'zombieCommit': fenced_zombie(),
}))
