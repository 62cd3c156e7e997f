"""Transactions through librdkafka (Debian's python3-confluent-kafka), for the course broker's
conformance suite. Usage: transactions.py BROKERS TOPIC TRANSACTIONAL_ID GROUP_PREFIX OUTPUT_TOPIC

Commits c1 and c2, aborts a1, commits c3, then reads the topic back with a read_committed
and a read_uncommitted consumer. Then a second producer takes over the transactional id
while the first has a transaction open with z1 in it, and the first tries to commit.
Last, a read-process-write loop copies the committed records to OUTPUT_TOPIC in upper case,
committing the consumer's offsets in the same transaction (send_offsets_to_transaction).
Prints one JSON object with what each step saw; any other error is printed to stderr and
exits non-zero.
"""
import json
import sys

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

brokers, topic, transactional_id, group_prefix, output_topic = sys.argv[1:6]
TIMEOUT_S = 20


def transactional_producer(suffix=''):
    producer = Producer({
        'bootstrap.servers': brokers,
        'transactional.id': transactional_id + suffix,
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


def consumer_of(source, group, isolation_level='read_committed'):
    consumer = Consumer({
        'bootstrap.servers': brokers,
        'group.id': group,
        'isolation.level': isolation_level,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,
        'enable.partition.eof': True,
    })
    consumer.subscribe([source])
    return consumer


def read_all(isolation_level, source=topic, last='c3'):
    consumer = consumer_of(source, f'{group_prefix}-{source}-{isolation_level}', isolation_level)
    values = []
    try:
        while True:
            message = consumer.poll(TIMEOUT_S)
            if message is None:
                raise TimeoutError(f'no end of partition within {TIMEOUT_S} s; read {values}')
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    if last in values:
                        return values
                    continue
                raise KafkaException(message.error())
            values.append(message.value().decode())
    finally:
        consumer.close()


def read_process_write():
    """Copies c1..c3 to the output topic, offsets committed with the output; returns the committed offset."""
    consumer = consumer_of(topic, f'{group_prefix}-processor')
    producer = transactional_producer('-processor')
    try:
        done = False
        while not done:
            message = consumer.poll(TIMEOUT_S)
            if message is None:
                raise TimeoutError(f'no record within {TIMEOUT_S} s')
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(message.error())
            producer.begin_transaction()
            producer.produce(output_topic, value=message.value().upper(), key=message.key())
            producer.send_offsets_to_transaction(
                consumer.position(consumer.assignment()), consumer.consumer_group_metadata(), TIMEOUT_S)
            producer.commit_transaction(TIMEOUT_S)
            done = message.value() == b'c3'
        return [p.offset for p in consumer.committed(consumer.assignment(), TIMEOUT_S)]
    finally:
        consumer.close()


produce_transactions()
print(json.dumps({
    'readCommitted': read_all('read_committed'),
    'readUncommitted': read_all('read_uncommitted'),
    'zombieCommit': fenced_zombie(),
    'processorCommitted': read_process_write(),
    'output': read_all('read_committed', output_topic, 'C3'),
}))
