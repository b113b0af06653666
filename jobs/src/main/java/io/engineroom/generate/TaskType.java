package io.engineroom.generate;

/**
 * The kinds of back-office work, each with the engineered standard, the daily target as set by
 * management, and how hard it is to get right. Which of these targets is wrong, and how, is the
 * planted truth the analytics must rediscover.
 */
enum TaskType {
  // standardSeconds, initial dailyTarget, baseFailRate, steps of the usual work
  ADDRESS_CHANGE(240, 15, 0.03, "CrmDesk", "Outlook", "CrmDesk"),
  KYC_REVIEW(900, 22, 0.05, "KycPro", "Excel", "KycPro"),
  CLAIM_INTAKE(600, 33, 0.05, "ClaimsHub", "Outlook", "Excel", "ClaimsHub"),
  LOAN_ASSESSMENT(1800, 18, 0.16, "LoanStation", "Excel", "Word", "LoanStation"),
  PAYMENT_EXCEPTION(720, 27, 0.04, "PaymentsDesk", "Outlook", "PaymentsDesk"),
  COMPLAINT_RESPONSE(840, 22, 0.06, "CrmDesk", "Word", "Outlook", "CrmDesk");

  final int standardSeconds;
  final int dailyTarget;
  final double baseFailRate;
  final String[] usualSteps;

  TaskType(int standardSeconds, int dailyTarget, double baseFailRate, String... usualSteps) {
    this.standardSeconds = standardSeconds;
    this.dailyTarget = dailyTarget;
    this.baseFailRate = baseFailRate;
    this.usualSteps = usualSteps;
  }

  /** The core application where the item is opened; the first step. */
  String coreApp() {
    return usualSteps[0];
  }
}
