/**
 * The timings a drill plays out, each from the AWS guide that documents it, and the few the sandbox has to assume
 * (marked as such: they are not measurements).
 */
export const TIMING = {
  /**
   * Amazon RDS User Guide › Failing over a Multi-AZ DB instance: "Failover times are typically 60–120 seconds."
   * The drill takes the low end; the verdict says the range.
   */
  multiAzFailoverS: 60,
  /**
   * Elastic Load Balancing › Health checks for your target groups: a target becomes unhealthy after
   * UnhealthyThresholdCount consecutive failed checks HealthCheckIntervalSeconds apart, and healthy after
   * HealthyThresholdCount passing ones. Defaults for an HTTP target group: 30 s, 2 and 5.
   */
  defaultHealthCheckIntervalS: 30,
  defaultUnhealthyThreshold: 2,
  defaultHealthyThreshold: 5,
  /**
   * Elastic Load Balancing › Troubleshoot your Application Load Balancers › HTTP 504: the load balancer failed to
   * establish a connection to the target before the connection timeout expired (10 seconds).
   */
  targetConnectTimeoutMs: 10_000,
  /**
   * Amazon EC2 Auto Scaling › Target tracking scaling policies: the policy's CloudWatch alarm for scaling out
   * evaluates 1-minute data points and goes to ALARM after 3 consecutive ones breach the target; scaling in waits for
   * 15, longer than any drill, so no drill scales in.
   */
  scaleOutDatapoints: 3,
  metricPeriodS: 60,
  /** Assumed (sandbox): from RunInstances to the lab app answering on its port, user data included. */
  bootS: 60,
};

/**
 * Assumed (sandbox): the load one lab instance carries. The lab app's page costs about 50 ms of CPU (a t3.micro's
 * two vCPUs: ~20 pages a second at 100 %). Past that, requests queue and the ones beyond the capacity time out.
 */
export const CAPACITY = {
  rpsPerInstance: 20,
  /** Idle CPU of a lab instance (the OS, the agent). */
  idleCpu: 2,
  /** Latency of one hop when idle, ms: load balancer, app, database call. */
  lbMs: 2,
  appMs: 12,
  dbMs: 4,
};

/**
 * Stage 05's worker: one job takes 2 s (the worker script's time.sleep(2) in templates/05-decouple), so a worker
 * does half a job a second. The drill queues two jobs every five seconds (the page's "Queue jobs" form), which one
 * worker keeps up with.
 */
export const QUEUE = { jobsPerWorkerPerS: 0.5, enqueuePerS: 0.4 };

/** CPU of an instance serving `rps` requests a second, % (capped at 100). */
export const cpuFor = (rps: number) =>
  Math.min(100, CAPACITY.idleCpu + (100 - CAPACITY.idleCpu) * (rps / CAPACITY.rpsPerInstance));

/** Latency of a served request at a per-instance load of `rps`: M/M/1 queueing, rho capped at 0.95. */
export const latencyFor = (baseMs: number, rps: number) => baseMs / (1 - Math.min(0.95, rps / CAPACITY.rpsPerInstance));
