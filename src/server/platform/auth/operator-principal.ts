/** Who is calling an /api/ops route: an operator of the provider, never a tenant user. */
export interface OperatorPrincipal {
  readonly operatorId: string;
  readonly sessionId: string;
  readonly loginId: string;
  readonly name: string;
  /** 'full' only after the TOTP code; 'mfa_enrol' on first sign-in until TOTP is set up. */
  readonly sessionStage: 'full' | 'mfa' | 'mfa_enrol';
  /** Still on the generated initial password: only the password change is open. */
  readonly mustChangePassword: boolean;
}

/** What an operator action records about who did it, from where. */
export interface OperatorActor {
  readonly operatorId: string | null;
  readonly actorLabel: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly requestId: string;
}
