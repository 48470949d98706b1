/**
 * Kafka in: alerts of live models ({@code alerts.live}), publications ({@code model.events}), paper recommendations
 * ({@code paper.events}) and closed bars ({@code market.bars.*}, for the price band). Out, through the kit's outbox:
 * approvals ({@code pilot.events}).
 */
package com.sigmatiq.pilot.messaging;
