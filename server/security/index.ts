export { RateLimiter, ConcurrencyLimiter, type RateLimitOptions } from './rate-limiter';
export { OriginPolicy } from './origins';
export { securityHeaders, CONTENT_SECURITY_POLICY } from './headers';
export { requestLimit, guardShopperNamespace, clientAddress, abuseLimitsOf, LIMIT_ERRORS, type AbuseLimits, type RequestLimitOptions } from './limits';
