// Filled in by the test cluster harness.
