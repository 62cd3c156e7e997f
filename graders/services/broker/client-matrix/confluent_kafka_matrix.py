"""The client matrix through librdkafka (Debian's python3-confluent-kafka), one scenario per call.
Usage: confluent_kafka_matrix.py SCENARIO BROKERS TOPIC [GROUP]

  topics       creates TOPIC-created with NewTopic(name, 3): no replication factor, so
               librdkafka needs CreateTopics v4 and the broker's default
  keyed        produces keyed records with headers to TOPIC and reads them back
  codecs       produces two values per codec (gzip, snappy, lz4, zstd) to partition 0, one
               producer and one flush per codec, and reads them back; each value is padded
               to 1000 bytes, since librdkafka sends a batch uncompressed when compressing
               does not make it smaller
  group        two consumers in GROUP split TOPIC's two partitions, then read what lands on each
  commit-seek  commits after the third of five records, resumes in a new consumer at the
               commit, then seeks back to offset 1

Prints one JSON object with what the scenario saw; any error goes to stderr with a non-zero exit.
Transactions through this client are in ../conformance/librdkafka/transactions.py.
"""
import json
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

scenario, brokers, topic = sys.argv[1:4]
group = sys.argv[4] if len(sys.argv) > 4 else None
TIMEOUT_S = 20
CODECS = ('gzip', 'snappy', 'lz4', 'zstd')


def consumer(group_id, **overrides):
    config = {
        'bootstrap.servers': brokers,
        'group.id': group_id,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,
        'session.timeout.ms': 6000,
        'heartbeat.interval.ms': 200,
        'fetch.wait.max.ms': 100,
    }
    config.update(overrides)
    return Consumer(config)


def deadline_passed(started, what):
    if time.monotonic() - started > TIMEOUT_S:
        raise TimeoutError(f'{what} did not happen within {TIMEOUT_S} s')


def poll_values(c, count, what):
    """Polls until `count` records arrived; returns them as dicts."""
    got = []
    started = time.monotonic()
    while len(got) < count:
        deadline_passed(started, what)
        message = c.poll(0.2)
        if message is None:
            continue
        if message.error():
            raise RuntimeError(message.error())
        got.append(message)
    return got


def describe(message):
    headers = message.headers() or []
    return {
        'key': message.key().decode() if message.key() is not None else None,
        'value': message.value().decode(),
        'headers': [[k, v.decode()] for k, v in headers],
        'partition': message.partition(),
        'offset': message.offset(),
    }


def padded(label):
    return f'{label}:{"x" * 1000}'.encode()


def flush(producer):
    if producer.flush(TIMEOUT_S) > 0:
        raise TimeoutError(f'records not delivered within {TIMEOUT_S} s')


def run_topics():
    admin = AdminClient({'bootstrap.servers': brokers})
    name = f'{topic}-created'
    for future in admin.create_topics([NewTopic(name, 3)], request_timeout=TIMEOUT_S).values():
        future.result()
    partitions = admin.list_topics(name, timeout=TIMEOUT_S).topics[name].partitions
    return {'created': name, 'partitions': sorted(partitions)}


def run_keyed():
    producer = Producer({'bootstrap.servers': brokers})
    for i in range(6):
        key = f'order-{i % 3}'
        producer.produce(topic, key=key.encode(), value=f'{key}:{i}'.encode(), headers=[('event-type', b'OrderPlaced'), ('seq', str(i).encode())])
    flush(producer)
    c = consumer(f'{topic}-keyed')
    c.subscribe([topic])
    received = [describe(m) for m in poll_values(c, 6, 'six keyed records')]
    c.close()
    return {'received': received}


def run_codecs():
    for codec in CODECS:
        producer = Producer({'bootstrap.servers': brokers, 'compression.type': codec, 'linger.ms': 50})
        for n in (1, 2):
            producer.produce(topic, value=padded(f'{codec}-{n}'), partition=0)
        flush(producer)
    c = consumer(f'{topic}-codecs')
    c.assign([TopicPartition(topic, 0, 0)])
    values = [m.value().decode().split(':')[0] for m in poll_values(c, 2 * len(CODECS), 'every codec read back')]
    c.close()
    return {'values': values}


def run_group():
    members = [consumer(group), consumer(group)]
    for member in members:
        member.subscribe([topic])
    started = time.monotonic()
    # Both must hold a partition before anything is produced, or the first takes it all.
    while not all(member.assignment() for member in members):
        deadline_passed(started, 'both members assigned')
        for member in members:
            member.poll(0.05)
    assignments = [sorted(tp.partition for tp in member.assignment()) for member in members]
    producer = Producer({'bootstrap.servers': brokers})
    for i in range(8):
        producer.produce(topic, value=f'g{i}'.encode(), partition=i % 2)
    flush(producer)
    received = [[], []]
    while sum(len(r) for r in received) < 8:
        deadline_passed(started, 'eight records across the group')
        for index, member in enumerate(members):
            message = member.poll(0.05)
            if message is not None and not message.error():
                received[index].append(message.partition())
    for member in members:
        member.close()
    return {'assignments': assignments, 'receivedPartitions': [sorted(set(r)) for r in received], 'counts': [len(r) for r in received]}


def run_commit_seek():
    producer = Producer({'bootstrap.servers': brokers})
    for i in range(5):
        producer.produce(topic, value=f'r{i}'.encode(), partition=0)
    flush(producer)
    first = consumer(group)
    first.subscribe([topic])
    read = poll_values(first, 3, 'the first three records')
    first.commit(message=read[2], asynchronous=False)
    first.close()
    second = consumer(group)
    second.subscribe([topic])
    resumed = poll_values(second, 2, 'the records after the commit')
    committed = second.committed([TopicPartition(topic, 0)], timeout=TIMEOUT_S)[0].offset
    second.seek(TopicPartition(topic, 0, 1))
    after_seek = poll_values(second, 4, 'the records from offset 1')
    second.close()
    return {
        'firstRead': [m.value().decode() for m in read],
        'committed': committed,
        'resumed': [m.value().decode() for m in resumed],
        'afterSeek': [m.value().decode() for m in after_seek],
    }


SCENARIOS = {'topics': run_topics, 'keyed': run_keyed, 'codecs': run_codecs, 'group': run_group, 'commit-seek': run_commit_seek}
print(json.dumps(SCENARIOS[scenario]()))
