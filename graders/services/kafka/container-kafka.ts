import { GenericContainer, getContainerRuntimeClient, Wait } from 'testcontainers';
import { courseBrokerSettings } from '../broker/course-settings.ts';
import { freeLoopbackPort } from '../free-port.ts';
import { images } from '../images.ts';
import type { KafkaService } from './kafka-service.ts';

const clientPort = 9092;
const controllerPort = 9093;

/** `group.min.session.timeout.ms` → `KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS`, the image's convention. */
function environmentName(setting: string): string {
  return `KAFKA_${setting.toUpperCase().replaceAll('.', '_')}`;
}

/**
 * Real Apache Kafka (the official `apache/kafka` image) as one KRaft node acting as broker
 * and controller. Kafka must advertise the address clients reach it by, which depends on the
 * host port, so a free host port is chosen first and bound explicitly. The course settings
 * are the ones the embedded broker uses, so both providers run the same rules.
 */
export async function startContainerKafka(): Promise<KafkaService> {
  const runtime = await getContainerRuntimeClient();
  const host = runtime.info.containerRuntime.host;
  const hostPort = await freeLoopbackPort();
  const settings = Object.fromEntries(
    Object.entries(courseBrokerSettings).map(([name, value]) => [environmentName(name), String(value)]),
  );
  const container = await new GenericContainer(images.kafka)
    .withExposedPorts({ container: clientPort, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${clientPort},CONTROLLER://0.0.0.0:${controllerPort}`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${controllerPort}`,
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      ...settings,
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return {
    provider: 'containers',
    brokers: [`${host}:${hostPort}`],
    stop: async () => void (await container.stop()),
  };
}
