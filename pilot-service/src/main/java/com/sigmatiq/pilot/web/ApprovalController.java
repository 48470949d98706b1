package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pilot.domain.Approval;
import com.sigmatiq.pilot.domain.Approvals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /pilot/approvals}: seed 8.1's {@code live_trading_approval}, unchanged. */
@RestController
@RequestMapping("/pilot/approvals")
class ApprovalController {

    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Approval approve(CurrentUser user, @RequestBody Approvals.Request body) {
        return approvals.approve(user.id(), body);
    }
}
