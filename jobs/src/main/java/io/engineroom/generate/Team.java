package io.engineroom.generate;

import java.util.List;

/** A team: where it sits, who leads it, and the task types it works on (its task mix). */
record Team(int index, String id, String name, Site site, String managerId, List<TaskType> taskMix) {

  /** Four kinds of team; the Lending mix is the hard one (high base failure rate). */
  static List<TaskType> mixOfKind(int kind) {
    switch (kind % 4) {
      case 0: return List.of(TaskType.ADDRESS_CHANGE, TaskType.KYC_REVIEW);
      case 1: return List.of(TaskType.CLAIM_INTAKE, TaskType.COMPLAINT_RESPONSE);
      case 2: return List.of(TaskType.LOAN_ASSESSMENT, TaskType.KYC_REVIEW);
      default: return List.of(TaskType.PAYMENT_EXCEPTION, TaskType.ADDRESS_CHANGE);
    }
  }

  static String nameOfKind(int kind) {
    return new String[] {"Customer Data", "Claims", "Lending", "Payments"}[kind % 4];
  }
}
