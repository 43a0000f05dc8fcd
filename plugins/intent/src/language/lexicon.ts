/**
 * Everyday words per language, beyond the hotel phrases the language identifier learns from
 * utterances: function words and chat words a guest uses whatever they ask. They give the
 * identifier evidence for messages about things no intent mentions.
 */
export const LEXICON: Readonly<Record<string, string>> = {
  en: `the a an and or but is are was were be have has had do does did will would can could should
    i you he she we they my your our their me him her us them this that these those there here what
    when where why how which who with without for from to of in on at by about please thanks yes no
    not very really just also still already again today tomorrow tonight morning night week weekend
    good great fine okay sure sorry hello hi bye want need like know think get got go going come`,
  es: `el la los las un una unos unas y o pero es son era fue ser estar está están hay tengo tiene
    tenemos yo tú usted él ella nosotros ellos mi mis su sus nuestro este esta esto ese esa aquí allí
    qué cuándo dónde por qué cómo cuál quién con sin para por de del al en sobre favor gracias sí no
    muy también ya todavía hoy mañana noche semana fin bueno vale claro perdón hola adiós quiero
    necesito puedo quisiera sé creo tener ir venir hacer`,
  fr: `le la les un une des et ou mais est sont était être avoir ai as a avons avez ont je tu il elle
    nous vous ils elles mon ma mes ton ta votre vos notre nos ce cet cette ces ici là que quoi quand où
    pourquoi comment quel quelle qui avec sans pour de du au aux en dans sur merci oui non pas très
    aussi déjà encore aujourd'hui demain soir semaine bien bonjour salut veux voudrais peux puis sais
    faire aller venir`,
  pt: `o a os as um uma uns umas e ou mas é são era foi ser estar está estão tem tenho temos eu tu você
    vocês ele ela nós eles meu minha meus seu sua nosso este esta isto esse essa aqui ali que quando
    onde porquê como qual quem com sem para por de do da dos das no na em obrigado obrigada sim não
    muito também já ainda hoje amanhã noite semana bom boa olá tchau quero preciso posso queria sei
    fazer ir vir`,
  de: `der die das ein eine einen einem und oder aber ist sind war waren sein haben habe hat hatte ich
    du er sie es wir ihr mein meine dein ihr unser dieser diese dieses hier dort was wann wo warum wie
    welche wer mit ohne für von zu zum zur in im auf an bei über bitte danke ja nein nicht sehr auch
    schon noch heute morgen nacht woche gut hallo tschüss möchte brauche kann könnte weiß machen
    gehen kommen`,
  it: `il lo la i gli le un uno una e o ma è sono era essere avere ho hai ha abbiamo avete hanno io tu
    lui lei noi voi loro mio mia miei tuo suo nostro questo questa quello quella qui lì che cosa
    quando dove perché come quale chi con senza per di del della dei al alla in nel nella su grazie sì
    no non molto anche già ancora oggi domani notte settimana bene buono ciao vorrei voglio posso
    devo so fare andare venire`,
  sw: `na ya wa la za kwa katika ni si kuna hakuna mimi wewe yeye sisi ninyi wao yangu yako yake yetu
    yenu yao hii hiyo ile hapa pale nini lini wapi kwa nini vipi gani nani bila kwenye tafadhali
    asante ndiyo hapana sana pia tayari bado leo kesho usiku asubuhi jioni wiki nzuri sawa samahani
    habari kwaheri nataka nahitaji naweza ninajua nadhani kwenda kuja kufanya kupata mtu watu chumba`,
  ar: `في من إلى على عن مع هذا هذه ذلك تلك هنا هناك ما ماذا متى أين لماذا كيف أي من هو هي نحن أنا أنت
    هم لي لك له لنا كان كانت يكون أريد أحتاج هل لا نعم شكرا من فضلك لو سمحت جدا أيضا اليوم غدا الليلة
    أسبوع صباح مساء جيد تمام آسف مرحبا`,
};
