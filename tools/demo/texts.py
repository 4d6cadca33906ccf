"""Text templates: ideas raised in workshops and sprints, interview findings, open survey answers.

``{alue}`` is a place in the locative ("Tunturi-Lapissa"); ``{ala}`` a sector word.
"""

from __future__ import annotations

AREAS = ["Tunturi-Lapissa", "Itä-Lapissa", "Kemi-Tornion alueella", "Pohjois-Lapissa",
         "Rovaniemen seudulla", "Tornionlaaksossa", "koko Lapissa", "Sodankylän seudulla"]
AREA_OF_SUBREGION = {"Tunturi-Lappi": "Tunturi-Lapissa", "Itä-Lappi": "Itä-Lapissa",
                     "Kemi-Tornio": "Kemi-Tornion alueella", "Pohjois-Lappi": "Pohjois-Lapissa",
                     "Rovaniemi": "Rovaniemen seudulla", "Tornionlaakso": "Tornionlaaksossa"}

IDEAS = {
    "FA1": [
        "Teollisuuden sivuvirtojen yhteinen markkinapaikka {alue}",
        "Kiertotalouden yritysneuvonta yhden luukun periaatteella {alue}",
        "Rakennusjätteen lajittelu- ja uudelleenkäyttöpiste {alue}",
        "Kaivosten sivukivien hyödyntäminen maanrakennuksessa – tarvitaan pilotti {alue}",
        "Kiertotalouden osaamiskartoitus pk-yrityksille",
        "Julkisiin hankintoihin kiertotalouskriteerit, kunnat edelläkävijöiksi",
        "Biomassan ja puun sivuvirtojen jalostus uusiksi tuotteiksi {alue}",
        "Metalliteollisuuden prosessivesien kierrätyksen testialusta",
        "Tuotteiden elinkaaren pidentäminen: korjaus- ja huoltoverkosto {alue}",
        "Kiertotalousdatan yhteinen jakamisalusta yrityksille",
        "Teollisuuden symbioosiverkosto, jossa yhden jäte on toisen raaka-aine {alue}",
        "Kiertotalouden koulutusohjelma ammatilliseen koulutukseen",
        "Muovin keräys ja kierrätys harvaan asutuilla alueilla {alue}",
        "Kiertotalouden investointien rahoitusneuvonta yhteen paikkaan",
        "Matkailun ruokahävikin vähentäminen yhteistyöllä {alue}",
    ],
    "FA2": [
        "Ympärivuotisen matkailun tuotepaketit kesä- ja ruskakaudelle {alue}",
        "Matkailuyritysten yhteinen datatila asiakasvirtojen ennustamiseen",
        "Luontohyvinvointipalvelujen laatukriteerit ja sertifiointi",
        "Saavutettavuus: joukkoliikenne lentokentiltä matkailukeskuksiin {alue}",
        "Kausityöntekijöiden asuminen ja rekrytointi yhteistyönä {alue}",
        "Arktisten luonnontuotteiden tuotekehitys hyvinvointimatkailuun",
        "Saamelaiskulttuurin eettiset ohjeet matkailuyrityksille",
        "Kestävän matkailun mittaristo ja kantokyvyn seuranta {alue}",
        "Luontoon perustuvat kuntoutus- ja hyvinvointipalvelut yhteistyössä hyvinvointialueen kanssa",
        "Elämyspalvelujen digitaalinen myyntikanava pienille yrityksille",
        "Lappi-brändin yhteinen markkinointi Keski-Euroopassa",
        "Hiljaisuus ja pimeys matkailutuotteeksi {alue}",
        "Matkailun ja maatalouden yhteistyö: lähiruokaa ravintoloihin {alue}",
        "Ohjelmapalveluyritysten turvallisuuskoulutus yhteisesti",
        "Sesonkien tasaaminen: työntekijöiden yhteiskäyttö eri alojen kesken {alue}",
    ],
    "FA3": [
        "Arktisten testiympäristöjen yhteinen palvelukatalogi",
        "Talviajoneuvotestauksen datan hyödyntäminen uusissa palveluissa {alue}",
        "Kylmäolosuhteiden testauspalvelu droneille ja robotiikalle",
        "Avoin testialusta älykkäille liikenneratkaisuille {alue}",
        "Arktisten olosuhteiden materiaalitestaus yhteistyössä korkeakoulujen kanssa",
        "Satelliittidatan hyödyntäminen metsä- ja porotaloudessa",
        "Testiympäristöjen kansainvälinen markkinointi yhteisellä brändillä",
        "5G-verkon kattavuus testausalueilla {alue}",
        "Etätyö- ja datakeskusosaaminen: viileän ilmaston hyödyntäminen",
        "Turvallisuusalan arktinen harjoitusympäristö pelastustoimelle",
        "Digitaalinen kaksonen talviolosuhteiden tieverkosta {alue}",
        "Testausyritysten osaajapula: yhteinen rekrytointikampanja",
    ],
    "FA4": [
        "Tuulivoiman hyötyjen jakaminen paikallisyhteisöille {alue}",
        "Vetytalouden pilotti Kemi-Tornion teollisuusalueelle",
        "Kaivannaisalan vastuullisuusohjelma ja avoin raportointi",
        "Kriittisten mineraalien jalostusarvoketju Lappiin",
        "Sähköverkon vahvistaminen teollisuusinvestointien edellytyksenä {alue}",
        "Bioenergian paikallinen tuotanto kaukolämpöön {alue}",
        "Lupaprosessien sujuvoittaminen: ennakkoneuvottelut ja yksi yhteyspiste",
        "Energiatehokkuusneuvonta pk-yrityksille",
        "Teollisuuden hukkalämmön hyödyntäminen kasvihuoneissa {alue}",
        "Luonnonvarojen käytön yhteensovittaminen poronhoidon ja matkailun kanssa",
        "Akkumineraalien tutkimusyhteistyö korkeakoulujen ja GTK:n kanssa",
        "Aurinkoenergian hyödyntäminen kesäkauden matkailukohteissa",
    ],
}

FINDINGS = {
    "FA1": ["Yritykset kokevat kiertotalouden rahoitusinstrumentit vaikeasti löydettäviksi.",
            "Sivuvirtojen määristä ja laadusta ei ole ajantasaista tietoa.",
            "Pienillä yrityksillä ei ole resursseja kiertotalouden kehittämishankkeisiin."],
    "FA2": ["Kausivaihtelu vaikeuttaa osaavan henkilöstön pitämistä alueella.",
            "Lentoyhteyksien epävarmuus on matkailuyritysten suurin riski.",
            "Matkailuyritykset haluavat jakaa dataa, jos hyöty on selvä."],
    "FA3": ["Testausyritykset tarvitsevat kansainvälistä näkyvyyttä ja yhteistä myyntiä.",
            "Korkeakoulujen ja yritysten yhteistyö testauksessa on satunnaista.",
            "Tietoliikenneyhteydet ovat pullonkaula testausalueilla."],
    "FA4": ["Lupaprosessien kesto hidastaa energiainvestointeja.",
            "Paikallinen hyväksyntä on energiahankkeiden edellytys.",
            "Sähkön siirtokapasiteetti rajoittaa uusia teollisuusinvestointeja."],
}

ENGLISH_IDEAS = {
    "FA1": "Cross-border circular economy pilot with Norrbotten and Northern Norway",
    "FA2": "Shared booking data between small tourism companies to forecast demand",
    "FA3": "A joint international sales office for Arctic testing services",
    "FA4": "Common training programme for the green transition of Arctic industry",
}

# Open survey answers: theme -> Finnish sentences (a few English ones are added separately).
THEMES = {
    "data": [
        "Datan jakaminen yritysten välillä pitäisi tehdä helpommaksi.",
        "Tarvitaan yhteinen datatila, jossa yritykset voivat jakaa tietoa turvallisesti.",
        "Matkailun asiakasdata on hajallaan, eikä sitä hyödynnetä.",
    ],
    "skills": [
        "Osaavan työvoiman saatavuus on suurin kasvun este.",
        "Koulutuksen pitäisi vastata paremmin yritysten osaamistarpeisiin.",
        "Kausityöntekijöiden rekrytointi on joka vuosi yhtä vaikeaa.",
        "Nuoret muuttavat pois, koska alueella ei ole riittävästi työpaikkoja.",
    ],
    "access": [
        "Saavutettavuus on heikko: lento- ja junayhteyksiä tarvitaan lisää.",
        "Liikenneyhteydet Itä-Lappiin ovat huonot, mikä haittaa yrityksiä.",
        "Tieverkon kunto ja talvikunnossapito vaikuttavat kuljetuksiin.",
    ],
    "funding": [
        "Rahoitusta on vaikea löytää, ja hakemukset ovat raskaita pienille yrityksille.",
        "Kehittämisrahoituksen pitäisi olla joustavampaa ja nopeampaa.",
        "Pienille yrityksille tarvitaan kevyempi rahoitusinstrumentti.",
    ],
    "circular": [
        "Kiertotalous on mahdollisuus, mutta sivuvirtojen hyödyntäminen vaatii yhteistyötä.",
        "Teollisuuden sivuvirroista voisi syntyä uutta liiketoimintaa.",
        "Kierrätys toimii harvaan asutulla alueella huonosti.",
    ],
    "season": [
        "Matkailun kausivaihtelu tekee ympärivuotisesta liiketoiminnasta vaikeaa.",
        "Kesä- ja syysmatkailua pitäisi kehittää, jotta sesonki pitenee.",
        "Ympärivuotinen matkailu toisi pysyviä työpaikkoja.",
    ],
    "energy": [
        "Energian hinta ja saatavuus ratkaisevat teollisuuden investoinnit.",
        "Tuulivoiman rakentaminen pitää sovittaa yhteen poronhoidon ja matkailun kanssa.",
        "Uusiutuva energia on Lapin vahvuus.",
    ],
    "permits": [
        "Lupaprosessit ovat hitaita ja vaikeasti ennakoitavia.",
        "Viranomaisten lupakäsittely pitäisi nopeuttaa.",
        "Lupien käsittelyyn tarvitaan yksi yhteyspiste.",
    ],
}

ENGLISH_ANSWERS = [
    "Access to skilled workforce is our biggest problem.",
    "Funding applications are too heavy for a small company.",
    "Data sharing between tourism companies would help us plan the season.",
    "Permits take far too long; we lost a year waiting.",
    "Better flight connections in autumn would extend the season.",
]

GREETINGS = [
    "Hyvä että kysytte yrityksiltä!", "Kiitos mahdollisuudesta vaikuttaa.",
    "Toivottavasti strategia näkyy myös käytännössä.", "Pienten kuntien ääni pitää kuulua.",
    "Lisää yhteistyötä korkeakoulujen kanssa.", "Strategian pitäisi olla lyhyempi ja selkeämpi.",
    "Kiitos!", "Tärkeä työ, jatkakaa.",
]

CONTACTS = [
    "Voitte olla yhteydessä: {email}",
    "Soittakaa, jos haluatte kuulla lisää: 040 {a} {b}",
    "Lisätietoja antaa {email} tai puh. +358 50 {a} {b}",
]
