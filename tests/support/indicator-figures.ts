/**
 * A period's indicator figures with nothing counted yet, for tests: every count 0 and
 * every figure the office may not have entered null, then the test's own values.
 */
import type { PeriodFigures } from '../../shared/domain/indicators/index';

export function periodFigures(periodId: string, communesTotal: number, over: Partial<PeriodFigures> = {}): PeriodFigures {
  return {
    periodId,
    communesTotal,
    communesClassified: 0,
    communesDrugFree: 0,
    communesWithDrugs: 0,
    keyCommunesAtBaseline: null,
    keyCommunesReducedVsBaseline: null,
    hotspotsActiveAtStart: 0,
    hotspotsActiveAtStartEliminated: 0,
    hotspotsEliminated: 0,
    hotspotsNew: 0,
    tuDiemNew: 0,
    hotspotsInPhase: null,
    hotspotsInPhaseEliminated: null,
    addictsWithRecords: null,
    usersWithRecords: null,
    removedFromManagement: null,
    accessedServices: null,
    postRehabManaged: null,
    postRehabCompleted: null,
    drugCases: null,
    districtsWithNewPilot: 0,
    districts: 1,
    ...over,
  };
}
