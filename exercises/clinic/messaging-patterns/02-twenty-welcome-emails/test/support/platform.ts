import { randomUUID } from 'node:crypto';
import type { Consumer, ConsumerConfig, Producer } from 'kafkajs';
// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { type Email, type ServiceContext, type ServiceName, serviceNames, type TopicName, type Topics } from '../../src/service-api.ts';
import { services } from '../../src/services.ts';
import type { UserSignedUp } from '../../src/sign-up.ts';

/** Partitions of each topic: enough that two or three instances of a service share the work. */
export const partitions = 3;

/** One call a service made to the email provider. */
export interface ProviderCall extends Email {
  service: ServiceName;
  instance: string;
  /** Whether the provider sent an email for it (no, when the key was seen before). */
  sent: boolean;
}

/** One running instance: its consumer, its group and partitions as the broker last said. */
interface Member {
  service: ServiceName;
  instance: string;
  consumer: Consumer;
  groupId?: string;
  assigned: Map<string, number[]>;
  fetchedSinceJoin: boolean;
}

/**
 * The platform on the course's broker: the user-signed-up and send-welcome-email topics,
 * instances of the four services run the way the platform runs them (a consumer group per
 * service, subscribed to the topics it has handlers for), an email provider that honours
 * idempotency keys, and a record of every call to it.
 */
export interface Platform extends AsyncDisposable {
  kafka: TestKafka;
  topics: Topics;
  /** Starts `count` more instances of every service (named "email-1", "email-2", ...), or of the ones named. */
  start(count: number, only?: readonly ServiceName[]): Promise<void>;
  /** Stops one running instance, e.g. "email-1": it leaves its group, which shares its partitions out again. */
  stop(instance: string): Promise<void>;
  /**
   * Waits until every running instance has joined its group, each group has shared out every
   * partition of its topics, and every instance holding partitions has fetched.
   */
  ready(): Promise<void>;
  /**
   * Publishes `count` UserSignedUp, spread round-robin over the partitions; returns them.
   * `beforePublishing` sees the users first, e.g. to lose the provider's answer to one.
   */
  signUp(count: number, beforePublishing?: (users: UserSignedUp[]) => void): Promise<UserSignedUp[]>;
  /**
   * The provider's next answer to a call for this address is lost: the email is sent (or not,
   * as the key decides), and the call throws a timeout, so the message comes again.
   */
  loseNextAnswerTo(email: string): void;
  /**
   * Waits until each service has handled the newest message on every partition of every topic
   * it reads. Within a partition messages arrive in order, so by then it has handled all.
   */
  settle(): Promise<void>;
  /** Every call to the email provider, in order. */
  calls: ProviderCall[];
  /** How many emails the provider sent to each of these users. */
  emailsTo(users: readonly UserSignedUp[]): number[];
  /** How many times `service` did its own work for each of these users. */
  ownWork(service: ServiceName, users: readonly UserSignedUp[]): number[];
}

/** Short waits and frequent heartbeats, so a group settles quickly when instances come and go. */
const quickGroupSettings: Partial<ConsumerConfig> = {
  sessionTimeout: 6_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 100,
  retry: { initialRetryTime: 50, retries: 8 },
};

export async function platform(label: string): Promise<Platform> {
  const kafka = await freshKafka(label, { partitions });
  const topics: Topics = { userSignedUp: kafka.topic, sendWelcomeEmail: `${kafka.topic}-commands` };
  try {
    await kafka.admin.createTopics({ topics: [{ topic: topics.sendWelcomeEmail, numPartitions: partitions }], waitForLeaders: true });
  } catch (error) {
    await kafka[Symbol.asyncDispose]();
    throw error;
  }
  const deployment = kafka.groupId('platform');
  const conditions = new Conditions();
  const calls: ProviderCall[] = [];
  const keysSeen = new Set<string>();
  const answersToLose = new Set<string>();
  const work: { service: ServiceName; userId: string }[] = [];
  /** Newest offset produced per topic and partition, and what each service has handled. */
  const newest = new Map<string, string>();
  const handled = new Map<ServiceName, Set<string>>(serviceNames.map((s) => [s, new Set<string>()]));
  const started = new Map<ServiceName, number>(serviceNames.map((s) => [s, 0]));
  let members: Member[] = [];
  let producer: Producer | undefined;

  const topicsOf = (service: ServiceName) => (Object.keys(services[service]) as TopicName[]).map((name) => topics[name]);
  const position = (topic: string, partition: number, offset: string) => `${topic}:${partition}:${offset}`;

  async function theProducer(): Promise<Producer> {
    if (!producer) {
      producer = kafka.client.producer({ allowAutoTopicCreation: false });
      await producer.connect();
    }
    return producer;
  }

  async function produce(topic: string, message: { key: string; value: string; partition?: number }) {
    const [result] = await (await theProducer()).send({ topic, messages: [message] });
    newest.set(`${topic}:${result!.partition}`, result!.baseOffset!);
    conditions.changed();
  }

  async function startOne(service: ServiceName, instance: string): Promise<Member> {
    const consumer = kafka.client.consumer({ groupId: `${deployment}.${service}`, ...quickGroupSettings });
    const member: Member = { service, instance, consumer, assigned: new Map(), fetchedSinceJoin: false };
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      member.groupId = event.payload.groupId;
      member.assigned = new Map(Object.entries(event.payload.memberAssignment).map(([topic, ps]) => [topic, [...ps].sort((a, b) => a - b)]));
      member.fetchedSinceJoin = false;
      conditions.changed();
    });
    consumer.on(consumer.events.FETCH, () => {
      member.fetchedSinceJoin = true;
      conditions.changed();
    });
    const context: ServiceContext = {
      service,
      instance,
      topics,
      async sendEmail(email) {
        const sent = email.idempotencyKey === undefined || !keysSeen.has(email.idempotencyKey);
        if (email.idempotencyKey !== undefined) keysSeen.add(email.idempotencyKey);
        calls.push({ ...email, service, instance, sent });
        if (answersToLose.delete(email.to)) throw new Error(`Timeout: the email provider did not answer (the email to ${email.to} went out)`);
      },
      publish: (topic, message) => produce(topic, message),
      async doOwnWork(userId) {
        work.push({ service, userId });
      },
    };
    await consumer.connect();
    try {
      for (const topic of topicsOf(service)) await consumer.subscribe({ topic, fromBeginning: true });
      const byTopic = new Map(Object.entries(services[service]).map(([name, handler]) => [topics[name as TopicName], handler]));
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          await byTopic.get(topic)!(message.value!.toString(), context);
          handled.get(service)!.add(position(topic, partition, message.offset));
          conditions.changed();
        },
      });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    return member;
  }

  const describe = () =>
    `instances: ${JSON.stringify(members.map((m) => ({ instance: m.instance, group: m.groupId, partitions: Object.fromEntries(m.assigned) })))}; ` +
    `newest: ${JSON.stringify(Object.fromEntries(newest))}; handled: ${JSON.stringify(Object.fromEntries([...handled].map(([s, h]) => [s, h.size])))}`;

  return {
    kafka,
    topics,
    calls,
    async start(count, only = serviceNames) {
      const starting = only.flatMap((service) =>
        Array.from({ length: count }, () => {
          const n = started.get(service)! + 1;
          started.set(service, n);
          return startOne(service, `${service}-${n}`);
        }),
      );
      members = [...members, ...(await Promise.all(starting))];
    },
    async stop(instance) {
      const member = members.find((m) => m.instance === instance);
      if (!member) throw new Error(`No running instance named ${instance}; running: ${members.map((m) => m.instance).join(', ')}`);
      members = members.filter((m) => m !== member);
      await member.consumer.disconnect();
    },
    ready: () =>
      conditions.until(
        () => {
          if (members.length === 0 || members.some((m) => m.groupId === undefined)) return false;
          for (const service of serviceNames) {
            const group = members.filter((m) => m.service === service);
            if (group.length === 0) continue;
            for (const topic of topicsOf(service)) {
              const shares = group.flatMap((m) => m.assigned.get(topic) ?? []).sort((a, b) => a - b);
              if (shares.length !== partitions || shares.some((p, i) => p !== i)) return false;
            }
          }
          return members.every((m) => [...m.assigned.values()].every((ps) => ps.length === 0) || m.fetchedSinceJoin);
        },
        'every group to share out all partitions of its topics and every instance holding one to fetch',
        describe,
      ),
    async signUp(count, beforePublishing) {
      const users: UserSignedUp[] = Array.from({ length: count }, (_, n) => {
        const userId = `user-${randomUUID().slice(0, 8)}`;
        return { type: 'UserSignedUp', eventId: randomUUID(), userId, email: `${userId}@example.com`, plan: n % 2 === 0 ? 'free' : 'pro' };
      });
      beforePublishing?.(users);
      for (const [n, user] of users.entries()) {
        await produce(topics.userSignedUp, { key: user.userId, value: JSON.stringify(user), partition: n % partitions });
      }
      return users;
    },
    loseNextAnswerTo(email) {
      answersToLose.add(email);
    },
    settle: () =>
      conditions.until(
        () =>
          serviceNames.every((service) =>
            topicsOf(service).every((topic) =>
              Array.from({ length: partitions }, (_, p) => p).every((p) => {
                const offset = newest.get(`${topic}:${p}`);
                return offset === undefined || handled.get(service)!.has(position(topic, p, offset));
              }),
            ),
          ),
        'every service to handle the newest message on every partition of its topics',
        describe,
      ),
    emailsTo: (users) => users.map((user) => calls.filter((c) => c.to === user.email && c.sent).length),
    ownWork: (service, users) => users.map((user) => work.filter((w) => w.service === service && w.userId === user.userId).length),
    async [Symbol.asyncDispose]() {
      try {
        await Promise.all(members.map((m) => m.consumer.disconnect()));
        await producer?.disconnect();
        await kafka.admin.deleteTopics({ topics: [topics.sendWelcomeEmail] });
      } finally {
        await kafka[Symbol.asyncDispose]();
      }
    },
  };
}
