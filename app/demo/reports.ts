import type { IntakeInput } from "../intake/types";

/** Demo concern reports (invented people; places and numbers from Lysekil). Oldest first. */
export const demoReports: { daysAgo: number; fromSchool: boolean; input: Omit<IntakeInput, "idempotencyKey"> }[] = [
  {
    "daysAgo": 55,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Ali Hassan",
        "personalNumber": "201205151713",
        "birthDate": "2012-05-15",
        "address": "Fjällgatan 3, 453 31 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Hassan",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Fjällgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "no"
        },
        {
          "name": "Mikael Hassan",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Fjällgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "no"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Hassan",
          "age": 6
        }
      ],
      "concern": {
        "what": "Eleven berättar att familjen bestämmer vem hon får träffa och att hon ska giftas bort under sommaren.",
        "when": "Idag",
        "duration": "Okänt",
        "ifNothing": "Barnet kan vara i fara.",
        "childKnows": "yes"
      },
      "interpreterLanguage": "arabiska",
      "violenceKinds": [
        "honourViolence"
      ]
    }
  },
  {
    "daysAgo": 40,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Helena Strand",
        "organisation": "Vårdcentralen Lysekil",
        "title": "Distriktssköterska",
        "phone": "0523-66 40 00",
        "email": null,
        "sector": "healthCare"
      },
      "child": {
        "name": "Selma Magnusson",
        "personalNumber": "201507075289",
        "birthDate": "2015-07-07",
        "address": "Södra Strandgatan 8, 453 30 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Magnusson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Södra Strandgatan 8, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Barnet var ledsen och sa att mamma och pappa bråkar mycket hemma och att hen är rädd på kvällarna.",
        "when": "I går",
        "duration": "Okänt",
        "ifNothing": "Barnet mår dåligt och kan behöva stöd.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 30,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Leo Jakobsson",
        "personalNumber": "201111115448",
        "birthDate": "2011-11-11",
        "address": "Havsvägen 1, 453 30 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Jakobsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Havsvägen 1, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Jakobsson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Havsvägen 1, 453 30 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Jakobsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Polisen har vid flera tillfällen sett ungdomen ute sent på kvällarna i centrala Lysekil tillsammans med äldre ungdomar. Misstanke om droger.",
        "when": "Fredag kväll",
        "duration": "Några veckor",
        "ifNothing": "Risk för kriminalitet och missbruk.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 24,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": false,
        "name": "Lena Granne",
        "phone": "070-123 45 67",
        "email": null
      },
      "child": {
        "name": "Astrid Lindberg",
        "personalNumber": "201604041887",
        "birthDate": "2016-04-04",
        "address": "Dalskogen 19, 453 39 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Lindberg",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Dalskogen 19, 453 39 Lysekil",
          "knowsAboutReport": "no"
        },
        {
          "name": "Mikael Lindberg",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Dalskogen 19, 453 39 Lysekil",
          "knowsAboutReport": "no"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Barnet har berättat för personal om sexuella övergrepp av en vuxen i närheten.",
        "when": "Idag",
        "duration": "Okänt",
        "ifNothing": "Barnet kan vara i fara.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": [
        "sexualAbuse"
      ]
    }
  },
  {
    "daysAgo": 20,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Adam Jönsson",
        "personalNumber": "201309091385",
        "birthDate": "2013-09-09",
        "address": "Kronberget 2, 453 36 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Jönsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Kronberget 2, 453 36 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Jönsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Eleven har vid flera tillfällen kommit till skolan hungrig och utan ytterkläder. Hen berättar att ingen vuxen är hemma på kvällarna.",
        "when": "Senaste veckorna",
        "duration": "Sedan terminsstart",
        "ifNothing": "Barnet riskerar att fara illa av bristande omsorg.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 18,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Eva Lind",
        "organisation": "Förskolan Havsörnen",
        "title": "Förskollärare",
        "phone": "0523-61 32 50",
        "email": null,
        "sector": "preschool"
      },
      "child": {
        "name": "Alma Bengtsson",
        "personalNumber": null,
        "birthDate": "2020-06-30",
        "address": null,
        "school": "Förskolan Havsörnen",
        "whereabouts": "Hemma",
        "protectedIdentity": true
      },
      "guardians": [
        {
          "name": "Anna Bengtsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": null,
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Bengtsson",
          "phone": "070-444 55 66",
          "email": null,
          "address": null,
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Förskolan har sett att barnet ofta är ovårdat och trött. Hämtning sker sent och ibland av olika vuxna.",
        "when": "Denna månad",
        "duration": "Sedan i våras",
        "ifNothing": "Bristande omsorg kan påverka barnets utveckling.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 16,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": true
      },
      "child": {
        "name": "Elias Hansson",
        "personalNumber": "201003033196",
        "birthDate": "2010-03-03",
        "address": "Lyse, Lysekil 12, 453 91 Lysekil",
        "school": "Bro skola",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Hansson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Lyse, Lysekil 12, 453 91 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Hansson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Lyse, Lysekil 12, 453 91 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Hansson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Barnet var ledsen och sa att mamma och pappa bråkar mycket hemma och att hen är rädd på kvällarna.",
        "when": "I går",
        "duration": "Okänt",
        "ifNothing": "Barnet mår dåligt och kan behöva stöd.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 15,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": false,
        "name": "Lena Granne",
        "phone": "070-123 45 67",
        "email": null
      },
      "child": {
        "name": "Saga Jansson",
        "personalNumber": "201401216195",
        "birthDate": "2014-01-21",
        "address": "Tuneberg 15, 453 38 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Jansson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Tuneberg 15, 453 38 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Polisen har vid flera tillfällen sett ungdomen ute sent på kvällarna i centrala Lysekil tillsammans med äldre ungdomar. Misstanke om droger.",
        "when": "Fredag kväll",
        "duration": "Några veckor",
        "ifNothing": "Risk för kriminalitet och missbruk.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 13,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Oscar Jonsson",
        "personalNumber": "201210101596",
        "birthDate": "2012-10-10",
        "address": "Badhusgatan 6, 453 30 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Jonsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Badhusgatan 6, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Jonsson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Badhusgatan 6, 453 30 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Jonsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Barnet har hög frånvaro och berättar att hen inte orkar gå till skolan. Vårdnadshavare svarar inte på skolans kontakter.",
        "when": "Under hösten",
        "duration": "Cirka tre månader",
        "ifNothing": "Fortsatt skolfrånvaro och isolering.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 12,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Jonas Fält",
        "organisation": "Fält- och fritidsverksamheten, Lysekils kommun",
        "title": "Fältassistent",
        "phone": "0523-61 30 00",
        "email": null,
        "sector": "socialServices"
      },
      "child": {
        "name": "Wilma Pettersson",
        "personalNumber": "201808146961",
        "birthDate": "2018-08-14",
        "address": "Slätten 7, 453 37 Lysekil",
        "school": "Förskolan Lyckan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Pettersson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Slätten 7, 453 37 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Pettersson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Slätten 7, 453 37 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Eleven har vid flera tillfällen kommit till skolan hungrig och utan ytterkläder. Hen berättar att ingen vuxen är hemma på kvällarna.",
        "when": "Senaste veckorna",
        "duration": "Sedan terminsstart",
        "ifNothing": "Barnet riskerar att fara illa av bristande omsorg.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 11,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Elsa Johansson",
        "personalNumber": "201403124314",
        "birthDate": "2014-03-12",
        "address": "Kungsgatan 14, 453 30 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Johansson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Kungsgatan 14, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Eleven har vid flera tillfällen kommit till skolan hungrig och utan ytterkläder. Hen berättar att ingen vuxen är hemma på kvällarna.",
        "when": "Senaste veckorna",
        "duration": "Sedan terminsstart",
        "ifNothing": "Barnet riskerar att fara illa av bristande omsorg.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 10,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": true
      },
      "child": {
        "name": "Lucas Gustafsson",
        "personalNumber": "201104274749",
        "birthDate": "2011-04-27",
        "address": "Grönskultsvägen 4, 453 35 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Gustafsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Grönskultsvägen 4, 453 35 Lysekil",
          "knowsAboutReport": "no"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Gustafsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Eleven berättar att pappa slår hen när han blir arg, och visade blåmärken på armen.",
        "when": "Idag",
        "duration": "Okänt",
        "ifNothing": "Barnet kan vara i fara.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": [
        "familyViolence"
      ]
    }
  },
  {
    "daysAgo": 9,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": false,
        "name": "Lena Granne",
        "phone": "070-123 45 67",
        "email": null
      },
      "child": {
        "name": "Olivia Svensson",
        "personalNumber": "201612011963",
        "birthDate": "2016-12-01",
        "address": "Valbogatan 11, 453 34 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Svensson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Valbogatan 11, 453 34 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Svensson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Valbogatan 11, 453 34 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Barnet var ledsen och sa att mamma och pappa bråkar mycket hemma och att hen är rädd på kvällarna.",
        "when": "I går",
        "duration": "Okänt",
        "ifNothing": "Barnet mår dåligt och kan behöva stöd.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 8,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Hugo Persson",
        "personalNumber": "201306196484",
        "birthDate": "2013-06-19",
        "address": "Norra Kvarngatan 9, 453 33 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Persson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Norra Kvarngatan 9, 453 33 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Persson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Norra Kvarngatan 9, 453 33 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Persson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Polisen har vid flera tillfällen sett ungdomen ute sent på kvällarna i centrala Lysekil tillsammans med äldre ungdomar. Misstanke om droger.",
        "when": "Fredag kväll",
        "duration": "Några veckor",
        "ifNothing": "Risk för kriminalitet och missbruk.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 7,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": true
      },
      "child": {
        "name": "Liam Andersson",
        "personalNumber": "201107022541",
        "birthDate": "2011-07-02",
        "address": "Rosviksgatan 3, 453 31 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Andersson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Rosviksgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Andersson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Rosviksgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Andersson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Barnet har hög frånvaro och berättar att hen inte orkar gå till skolan. Vårdnadshavare svarar inte på skolans kontakter.",
        "when": "Under hösten",
        "duration": "Cirka tre månader",
        "ifNothing": "Fortsatt skolfrånvaro och isolering.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 6,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Jonas Fält",
        "organisation": "Fält- och fritidsverksamheten, Lysekils kommun",
        "title": "Fältassistent",
        "phone": "0523-61 30 00",
        "email": null,
        "sector": "socialServices"
      },
      "child": {
        "name": "Ella Olsson",
        "personalNumber": "201502089400",
        "birthDate": "2015-02-08",
        "address": "Kyrkvägen 2, 453 30 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Olsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Kyrkvägen 2, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Barnet har hög frånvaro och berättar att hen inte orkar gå till skolan. Vårdnadshavare svarar inte på skolans kontakter.",
        "when": "Under hösten",
        "duration": "Cirka tre månader",
        "ifNothing": "Fortsatt skolfrånvaro och isolering.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 5,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": true
      },
      "child": {
        "name": "William Larsson",
        "personalNumber": "201009171743",
        "birthDate": "2010-09-17",
        "address": "Brastadsvägen 5, 453 93 Brastad",
        "school": "Bro skola",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Larsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Brastadsvägen 5, 453 93 Brastad",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Larsson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Brastadsvägen 5, 453 93 Brastad",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Larsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Eleven har vid flera tillfällen kommit till skolan hungrig och utan ytterkläder. Hen berättar att ingen vuxen är hemma på kvällarna.",
        "when": "Senaste veckorna",
        "duration": "Sedan terminsstart",
        "ifNothing": "Barnet riskerar att fara illa av bristande omsorg.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 3,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": false,
        "name": "Lena Granne",
        "phone": "070-123 45 67",
        "email": null
      },
      "child": {
        "name": "Alice Eriksson",
        "personalNumber": "201905051494",
        "birthDate": "2019-05-05",
        "address": "Skaftö, Fiskebäckskil 41, 451 78 Fiskebäckskil",
        "school": "Skaftö förskola",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Eriksson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Skaftö, Fiskebäckskil 41, 451 78 Fiskebäckskil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Eriksson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Skaftö, Fiskebäckskil 41, 451 78 Fiskebäckskil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Förskolan har sett att barnet ofta är ovårdat och trött. Hämtning sker sent och ibland av olika vuxna.",
        "when": "Denna månad",
        "duration": "Sedan i våras",
        "ifNothing": "Bristande omsorg kan påverka barnets utveckling.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 2,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Noah Nilsson",
        "personalNumber": "201201307665",
        "birthDate": "2012-01-30",
        "address": "Södra Hamngatan 21, 453 30 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Nilsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Södra Hamngatan 21, 453 30 Lysekil",
          "knowsAboutReport": "no"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Nilsson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Eleven berättar att pappa slår hen när han blir arg, och visade blåmärken på armen.",
        "when": "Idag",
        "duration": "Okänt",
        "ifNothing": "Barnet kan vara i fara.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": [
        "familyViolence"
      ]
    }
  },
  {
    "daysAgo": 1,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Mats Berg",
        "organisation": "Polisen, lokalpolisområde Uddevalla",
        "title": "Polisinspektör",
        "phone": "0522-64 30 00",
        "email": null,
        "sector": "police"
      },
      "child": {
        "name": "Maja Karlsson",
        "personalNumber": "201711235042",
        "birthDate": "2017-11-23",
        "address": "Stångenäsvägen 8, 453 32 Lysekil",
        "school": "Mariedalsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Karlsson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Stångenäsvägen 8, 453 32 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Karlsson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Stångenäsvägen 8, 453 32 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Polisen har vid flera tillfällen sett ungdomen ute sent på kvällarna i centrala Lysekil tillsammans med äldre ungdomar. Misstanke om droger.",
        "when": "Fredag kväll",
        "duration": "Några veckor",
        "ifNothing": "Risk för kriminalitet och missbruk.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 1,
    "fromSchool": true,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Karin Ek",
        "organisation": "Gullmarsskolan",
        "title": "Skolkurator",
        "phone": "0523-61 35 40",
        "email": "skola@demo.varna.se",
        "sector": "school"
      },
      "child": {
        "name": "Liam Andersson",
        "personalNumber": "201107022541",
        "birthDate": "2011-07-02",
        "address": "Rosviksgatan 3, 453 31 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Andersson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Rosviksgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "yes"
        },
        {
          "name": "Mikael Andersson",
          "phone": "070-444 55 66",
          "email": null,
          "address": "Rosviksgatan 3, 453 31 Lysekil",
          "knowsAboutReport": "unknown"
        }
      ],
      "siblings": [
        {
          "name": "Lilly Andersson",
          "age": 6
        }
      ],
      "concern": {
        "what": "Ny oro: Liam har inte varit i skolan på två veckor.",
        "when": "Under hösten",
        "duration": "Cirka tre månader",
        "ifNothing": "Fortsatt skolfrånvaro och isolering.",
        "childKnows": "yes"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 0,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "mandated",
        "name": "Jonas Fält",
        "organisation": "Fält- och fritidsverksamheten, Lysekils kommun",
        "title": "Fältassistent",
        "phone": "0523-61 30 00",
        "email": null,
        "sector": "socialServices"
      },
      "child": {
        "name": "Elsa Johansson",
        "personalNumber": "201403124314",
        "birthDate": "2014-03-12",
        "address": "Kungsgatan 14, 453 30 Lysekil",
        "school": "Gullmarsskolan",
        "whereabouts": "I skolan",
        "protectedIdentity": false
      },
      "guardians": [
        {
          "name": "Anna Johansson",
          "phone": "070-111 22 33",
          "email": null,
          "address": "Kungsgatan 14, 453 30 Lysekil",
          "knowsAboutReport": "yes"
        }
      ],
      "siblings": [],
      "concern": {
        "what": "Fältassistenterna träffade Elsa sent en kväll vid Fritidsgården Borgen. Hon ville inte gå hem.",
        "when": "Senaste veckorna",
        "duration": "Sedan terminsstart",
        "ifNothing": "Barnet riskerar att fara illa av bristande omsorg.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  },
  {
    "daysAgo": 0,
    "fromSchool": false,
    "input": {
      "reporter": {
        "kind": "private",
        "anonymous": false,
        "name": "Per Granne",
        "phone": "070-987 65 43",
        "email": null
      },
      "child": {
        "name": "ella olsson",
        "personalNumber": null,
        "birthDate": "2015-02-08",
        "address": null,
        "school": "Mariedalsskolan",
        "whereabouts": "Hemma",
        "protectedIdentity": false
      },
      "guardians": [],
      "siblings": [],
      "concern": {
        "what": "Grannflickan Ella sitter ofta ensam i trapphuset på kvällarna och säger att ingen är hemma.",
        "when": "Flera kvällar den senaste veckan",
        "duration": "Någon månad",
        "ifNothing": "Hon är för liten för att vara ensam så sent.",
        "childKnows": "unknown"
      },
      "interpreterLanguage": null,
      "violenceKinds": []
    }
  }
];
