/**
 * Models and their rules: validation of a create request against its pack (through the engine), the
 * effective configuration (seed section 2.2), the lifecycle and its allowed transitions, and the
 * transactional use cases that change a model and record its event in the same transaction. Publications (seed 6.1):
 * a completed trained model published with its settings, its paper period counted in NYSE sessions
 * ({@code PaperPeriod}), its own lifecycle ({@code PublicationStatus}) and history. Its exceptions extend
 * the service kit's (invalid request, not found, conflict, unavailable), which answers them as problem details.
 */
package com.sigmatiq.model.domain;
