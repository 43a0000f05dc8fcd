/** The testing kit: drive a whole bot in a few lines. Import from `@hotello/core/testing`. */
export { createTestBot, TestBot, TestGuest, type CreateTestBotOptions, type TestReply } from './test-bot';
export { TEST_CHANNEL_TYPE, type SentRecord } from './test-channel';
export { signTestJwt, type TestJwtAlgorithm, type TestJwtOptions } from './test-jwt';
export { createTestStorage, type TestStorageOptions } from './test-storage';
export { FakeClock } from './fake-clock';
