import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Criterion, GridBodySchema, SNEE_2021 } from './grid.ts';
import { evaluateSchool, type Prices, requiredPupilDevices, type SchoolFacts } from './rules.ts';

/** Hand-made facts for each rule of the SNEE 2021 preset (issue #7 acceptance). */

const ON = '2026-11-28';
const criteria = SNEE_2021.criteria;
const kinds = SNEE_2021.schoolKinds;

const PRICES: Prices = {
  category: (code) =>
    (
      ({
        vpi: { unitCents: 160_000, installCents: 50_000 },
        teacher_laptop: { unitCents: 30_000, installCents: 0 },
        tablet: { unitCents: 35_000, installCents: 0 },
        charging_cart: { unitCents: 150_000, installCents: 0 },
        wifi_ap: { unitCents: 15_000, installCents: 15_000 },
      }) as Record<string, { unitCents: number; installCents: number }>
    )[code] ?? null,
  service: (kind) =>
    kind === 'ent'
      ? { cents: 0, name: 'e-primo' }
      : kind === 'resources'
        ? { cents: 40_000, name: 'Ressources' }
        : null,
};

function classes(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `Classe ${i}`, roomId: `r${i}`, pupils: 25 }));
}

/** A school that meets every criterion of the preset with 4 classes. */
function compliant(): SchoolFacts {
  const cls = classes(4);
  return {
    school: {
      id: 's1',
      uai: '0720001W',
      name: 'École A',
      kind: 'elementaire',
      priorityEducation: 'none',
      ips: 100,
      pupils: 100,
      circonscription: null,
      latitude: null,
      longitude: null,
    },
    year: 2026,
    classes: cls,
    classDevices: cls.flatMap((c, i) => [
      { id: `p${i}`, tag: `P${i}`, categoryCode: 'eni', role: 'projection', classId: null, roomId: c.roomId },
      {
        id: `t${i}`,
        tag: `T${i}`,
        categoryCode: 'teacher_laptop',
        role: 'teacher_computer',
        classId: c.id,
        roomId: null,
      },
    ]),
    pupilDevices: {
      deployed: 0,
      inCart: 10,
      onLoan: 0,
      inRepair: 0,
      mdmDeployed: 0,
      mdmInCart: 10,
      mdmOnLoan: 0,
      notEnrolledSample: [],
    },
    carts: [{ id: 'k1', tag: 'K1', categoryCode: 'charging_cart' }],
    accessPoints: { count: 4, notSwitchable: [] },
    servers: [],
    network: { internetAccess: 'fibre', bandwidthDownMbps: 100, wifiPresent: true },
    subscriptions: [
      { id: 'sub1', serviceName: 'e-primo', kind: 'ent' },
      { id: 'sub2', serviceName: 'Ressources', kind: 'resources' },
    ],
    training: { teachers: 4, trained: 2 },
    overrides: [],
    equipmentAgeYears: 3,
  };
}

const run = (f: SchoolFacts, list: readonly Criterion[] = criteria) => evaluateSchool(list, kinds, f, PRICES, ON);
const statusOf = (f: SchoolFacts, key: string) => {
  const r = run(f);
  return r.summary.find((s) => s.key === key)?.status;
};
const schoolCriterion = (f: SchoolFacts, key: string) => run(f).criteria.find((c) => c.key === key);

describe('SNEE 2021 preset', () => {
  it('is a valid grid', () => {
    assert.equal(GridBodySchema.safeParse(SNEE_2021).success, true);
  });
  it('a compliant school reaches the socle with every class, score 100, no gap', () => {
    const r = run(compliant());
    assert.equal(r.atSocle, true);
    assert.equal(r.classesAtSocle, 4);
    assert.equal(r.pupilsAtSocle, 100);
    assert.equal(r.scorePct, 100);
    assert.deepEqual(r.gap, []);
    assert.equal(r.inScope, true);
  });
  it('a maternelle is out of the preset scope but still evaluated', () => {
    const f = compliant();
    f.school.kind = 'maternelle';
    const r = run(f);
    assert.equal(r.inScope, false);
    assert.equal(r.atSocle, true);
  });
});

describe('class_projection / class_teacher_computer', () => {
  it('a device in the class room or assigned to the class counts', () => {
    const r = run(compliant());
    const c0 = r.classes[0];
    assert.deepEqual(
      c0?.criteria.map((c) => [c.key, c.status, c.evidence.assets.map((a) => a.tag)]),
      [
        ['class_projection', 'met', ['P0']],
        ['class_teacher_computer', 'met', ['T0']],
      ],
    );
  });
  it('removing the projector of one class: that class misses it, the school is partly, one VPI to buy', () => {
    const f = compliant();
    f.classDevices = f.classDevices.filter((d) => d.id !== 'p2');
    const r = run(f);
    assert.equal(r.classes[2]?.atSocle, false);
    assert.deepEqual(r.classes[2]?.criteria[0]?.reasons, ['no_device']);
    assert.equal(r.summary.find((s) => s.key === 'class_projection')?.status, 'partly');
    assert.deepEqual(r.summary.find((s) => s.key === 'class_projection')?.classes, {
      met: 3,
      partly: 0,
      missing: 1,
      unknown: 0,
    });
    assert.equal(r.atSocle, false);
    assert.equal(r.classesAtSocle, 3);
    assert.deepEqual(
      r.gap.map((g) => [g.criterionKey, g.classId, g.categoryCode, g.quantity, g.totalCents]),
      [['class_projection', 'c2', 'vpi', 1, 210_000]],
    );
  });
  it('a class without a room is equipped only by devices assigned to it', () => {
    const f = compliant();
    const c = f.classes[1];
    if (c) c.roomId = null;
    const r = run(f);
    const projection = r.classes[1]?.criteria.find((x) => x.key === 'class_projection');
    assert.equal(projection?.status, 'missing');
    assert.deepEqual(projection?.reasons, ['no_room']);
    // the teacher laptop is assigned to the class: still met
    assert.equal(r.classes[1]?.criteria.find((x) => x.key === 'class_teacher_computer')?.status, 'met');
  });
  it('a device in another room does not equip the class', () => {
    const f = compliant();
    f.classDevices = f.classDevices.map((d) => (d.id === 'p0' ? { ...d, roomId: 'elsewhere' } : d));
    assert.equal(run(f).classes[0]?.criteria[0]?.status, 'missing');
  });
  it('a school with no class recorded is unknown, never at the socle', () => {
    const f = compliant();
    f.classes = [];
    const r = run(f);
    assert.equal(r.atSocle, false);
    assert.equal(r.summary.find((s) => s.key === 'class_projection')?.status, 'unknown');
    assert.equal(r.summary.find((s) => s.key === 'pupil_devices')?.status, 'unknown');
  });
});

describe('pupil_devices', () => {
  it('threshold: 10 devices per 4 classes, rounded up', () => {
    assert.equal(requiredPupilDevices(10, 4), 10);
    assert.equal(requiredPupilDevices(10, 5), 13);
    assert.equal(requiredPupilDevices(12, 6), 18);
    assert.equal(requiredPupilDevices(15, 1), 4);
  });
  it('below the threshold: partly, with the devices and a cart to buy when the cart is full', () => {
    const f = compliant();
    f.classes = classes(8); // needs 20
    f.classDevices = f.classes.flatMap((c, i) => [
      { id: `p${i}`, tag: `P${i}`, categoryCode: 'eni', role: 'projection', classId: c.id, roomId: null },
      {
        id: `t${i}`,
        tag: `T${i}`,
        categoryCode: 'teacher_laptop',
        role: 'teacher_computer',
        classId: c.id,
        roomId: null,
      },
    ]);
    f.accessPoints.count = 8;
    const r = run(f);
    const c = r.criteria.find((x) => x.key === 'pupil_devices');
    assert.equal(c?.status, 'partly');
    assert.deepEqual(c?.reasons, ['below_threshold']);
    assert.equal(c?.measures.required, 20);
    assert.equal(c?.measures.counted, 10);
    assert.deepEqual(
      r.gap.filter((g) => g.criterionKey === 'pupil_devices').map((g) => [g.categoryCode, g.quantity]),
      [
        ['tablet', 10],
        ['charging_cart', 1],
        [null, 10],
      ],
    );
  });
  it('the editable threshold (15 per 4 classes) changes the result', () => {
    const strict = criteria.map((c) =>
      c.key === 'pupil_devices' && c.rule.kind === 'pupil_devices'
        ? { ...c, rule: { ...c.rule, devicesPer4Classes: 15 } }
        : c,
    );
    const r = run(compliant(), strict);
    assert.equal(r.criteria.find((x) => x.key === 'pupil_devices')?.status, 'partly');
  });
  it('devices on loan count towards the pool by default, not when the rule says so; in repair never', () => {
    const f = compliant();
    f.pupilDevices = { ...f.pupilDevices, inCart: 6, mdmInCart: 6, onLoan: 4, mdmOnLoan: 4, inRepair: 3 };
    assert.equal(statusOf(f, 'pupil_devices'), 'met');
    assert.equal(schoolCriterion(f, 'pupil_devices')?.measures.counted, 10);
    const noLoans = criteria.map((c) =>
      c.rule.kind === 'pupil_devices' ? { ...c, rule: { ...c.rule, countOnLoan: false } } : c,
    );
    const r = run(f, noLoans);
    assert.equal(r.criteria.find((x) => x.key === 'pupil_devices')?.status, 'partly');
    assert.equal(r.criteria.find((x) => x.key === 'pupil_devices')?.measures.counted, 6);
  });
  it('no cart: partly (no_cart) and a cart in the gap', () => {
    const f = compliant();
    f.carts = [];
    f.pupilDevices = { ...f.pupilDevices, inCart: 0, mdmInCart: 0, deployed: 10, mdmDeployed: 10 };
    const c = schoolCriterion(f, 'pupil_devices');
    assert.equal(c?.status, 'partly');
    assert.deepEqual(c?.reasons, ['no_cart']);
    assert.deepEqual(
      run(f).gap.map((g) => [g.categoryCode, g.quantity]),
      [['charging_cart', 1]],
    );
  });
  it('a cart shared by two schools: each school whose devices sit in it has a cart, its devices count once', () => {
    // School B has no cart of its own; 8 of its tablets sit in school A's cart (recorded at B).
    const b = compliant();
    b.carts = [];
    b.pupilDevices = { ...b.pupilDevices, inCart: 8, mdmInCart: 8 };
    const c = schoolCriterion(b, 'pupil_devices');
    assert.equal(c?.measures.counted, 8);
    assert.equal(c?.measures.carts, 0);
    assert.deepEqual(c?.reasons, ['below_threshold']); // has a cart (its devices are in one), lacks 2 devices
    // School A holds the cart and its own 8 tablets: the cart is A's, B's tablets are not counted for A.
    const a = compliant();
    a.pupilDevices = { ...a.pupilDevices, inCart: 8, mdmInCart: 8 };
    assert.equal(schoolCriterion(a, 'pupil_devices')?.measures.counted, 8);
  });
  it('devices outside the MDM: partly with their tags as evidence', () => {
    const f = compliant();
    f.pupilDevices = {
      ...f.pupilDevices,
      mdmInCart: 8,
      notEnrolledSample: [
        { id: 'x1', tag: 'X1', categoryCode: 'tablet' },
        { id: 'x2', tag: 'X2', categoryCode: 'tablet' },
      ],
    };
    const c = schoolCriterion(f, 'pupil_devices');
    assert.deepEqual(c?.reasons, ['not_in_mdm']);
    assert.ok(c?.evidence.assets.some((a) => a.tag === 'X1'));
  });
  it('no device at all: missing', () => {
    const f = compliant();
    f.pupilDevices = { ...f.pupilDevices, inCart: 0, mdmInCart: 0 };
    assert.equal(statusOf(f, 'pupil_devices'), 'missing');
  });
});

describe('internet', () => {
  it('met at the threshold, partly below it or when the bandwidth is unknown, missing without access, unknown without facts', () => {
    const f = compliant();
    f.network = { internetAccess: 'fibre', bandwidthDownMbps: 30, wifiPresent: true };
    assert.equal(statusOf(f, 'internet'), 'met');
    f.network = { internetAccess: 'adsl', bandwidthDownMbps: 29.9, wifiPresent: true };
    assert.equal(statusOf(f, 'internet'), 'partly');
    f.network = { internetAccess: 'vdsl', bandwidthDownMbps: null, wifiPresent: true };
    assert.deepEqual(schoolCriterion(f, 'internet')?.reasons, ['bandwidth_unknown']);
    f.network = { internetAccess: 'none', bandwidthDownMbps: null, wifiPresent: false };
    assert.equal(statusOf(f, 'internet'), 'missing');
    f.network = null;
    assert.equal(statusOf(f, 'internet'), 'unknown');
    assert.deepEqual(
      run(f).gap.map((g) => [g.criterionKey, g.kind, g.totalCents]),
      [['internet', 'works', 150_000]],
    );
  });
});

describe('wifi', () => {
  it('one access point per class, all switchable off', () => {
    const f = compliant();
    assert.equal(statusOf(f, 'wifi'), 'met');
    f.accessPoints = { count: 3, notSwitchable: [] };
    assert.deepEqual(schoolCriterion(f, 'wifi')?.reasons, ['below_threshold']);
    f.accessPoints = { count: 4, notSwitchable: [{ id: 'w1', tag: 'W1', categoryCode: 'wifi_ap' }] };
    const c = schoolCriterion(f, 'wifi');
    assert.deepEqual(c?.reasons, ['not_switchable']);
    assert.deepEqual(
      c?.evidence.assets.map((a) => a.tag),
      ['W1'],
    );
    assert.deepEqual(
      run(f).gap.map((g) => [g.label, g.quantity, g.totalCents]),
      [['wifi_switch', 1, 5_000]],
    );
    f.accessPoints = { count: 0, notSwitchable: [] };
    assert.equal(statusOf(f, 'wifi'), 'missing');
  });
});

describe('sharing and services_resources', () => {
  it('sharing: an ENT, a cloud or a school server', () => {
    const f = compliant();
    f.subscriptions = [{ id: 's', serviceName: 'Nextcloud', kind: 'cloud' }];
    assert.equal(statusOf(f, 'sharing'), 'met');
    f.subscriptions = [];
    assert.equal(statusOf(f, 'sharing'), 'missing');
    f.servers = [{ id: 'srv', tag: 'SRV', categoryCode: 'server' }];
    assert.equal(statusOf(f, 'sharing'), 'met');
  });
  it('services and resources: both an ENT and resources; one of them is partly and the other is priced', () => {
    const f = compliant();
    f.subscriptions = [{ id: 'sub1', serviceName: 'e-primo', kind: 'ent' }];
    assert.equal(statusOf(f, 'services_resources'), 'partly');
    assert.deepEqual(
      run(f).gap.map((g) => [g.criterionKey, g.label, g.kind, g.totalCents]),
      [['services_resources', 'Ressources', 'service', 40_000]],
    );
    f.subscriptions = [];
    assert.equal(statusOf(f, 'services_resources'), 'missing');
  });
});

describe('training', () => {
  it('at least half of the teachers trained; no data is unknown', () => {
    const f = compliant();
    assert.equal(statusOf(f, 'training'), 'met');
    f.training = { teachers: 4, trained: 1 };
    assert.equal(statusOf(f, 'training'), 'partly');
    f.training = { teachers: 4, trained: 0 };
    assert.equal(statusOf(f, 'training'), 'missing');
    f.training = null;
    assert.equal(statusOf(f, 'training'), 'unknown');
    assert.equal(run(f).atSocle, false);
  });
});

describe('overrides', () => {
  it('a justified override replaces the computed status until it expires; both are shown', () => {
    const f = compliant();
    f.training = null;
    f.overrides = [
      {
        id: 'o1',
        classId: null,
        criterionKey: 'training',
        status: 'met',
        justification: 'Animations pédagogiques de circonscription',
        evidence: 'Feuilles d’émargement 2025-2026',
        expiresOn: '2027-08-31',
        updatedAt: '2026-10-01T00:00:00.000Z',
      },
    ];
    const c = schoolCriterion(f, 'training');
    assert.equal(c?.status, 'met');
    assert.equal(c?.computedStatus, 'unknown');
    assert.equal(c?.override?.id, 'o1');
    assert.equal(run(f).atSocle, true);
    // expired: computed again
    const expired = { ...f, overrides: f.overrides.map((o) => ({ ...o, expiresOn: '2026-11-27' })) };
    assert.equal(schoolCriterion(expired, 'training')?.status, 'unknown');
  });
  it('a class override applies to that class only', () => {
    const f = compliant();
    f.classDevices = f.classDevices.filter((d) => d.role !== 'projection');
    f.overrides = [
      {
        id: 'o2',
        classId: 'c1',
        criterionKey: 'class_projection',
        status: 'met',
        justification: 'TBI prêté par la circonscription',
        evidence: 'Convention de prêt 2026-14',
        expiresOn: null,
        updatedAt: '2026-10-01T00:00:00.000Z',
      },
    ];
    const r = run(f);
    assert.deepEqual(
      r.classes.map((c) => c.criteria[0]?.status),
      ['missing', 'met', 'missing', 'missing'],
    );
    assert.equal(r.gap.filter((g) => g.criterionKey === 'class_projection').length, 3);
  });
});

describe('score and gap pricing', () => {
  it('score is the weighted share of criteria met, a class criterion worth its share of classes', () => {
    const f = compliant();
    f.classDevices = f.classDevices.filter((d) => d.id !== 'p0' && d.id !== 'p1'); // projection 2/4
    f.training = null; // training 0
    // weights: 3,2,3,2,2,1,1,1 = 15 ; lost: 3 × 0.5 + 1 = 2.5 ; 12.5 / 15 = 83.3 %
    assert.equal(run(f).scorePct, 83.3);
  });
  it('a category without a price makes the gap incomplete', () => {
    const f = compliant();
    f.classDevices = f.classDevices.filter((d) => d.id !== 'p0');
    const noVpi: Prices = { ...PRICES, category: (code) => (code === 'vpi' ? null : PRICES.category(code)) };
    const r = evaluateSchool(criteria, kinds, f, noVpi, ON);
    assert.equal(r.gapComplete, false);
  });
});
