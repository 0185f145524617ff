// The demo's message templates: one per template id the seeded journeys send (post-purchase
// playbook, loyalty moments, the order video), approved in English and Hindi, and in Tamil where
// the demo has a Tamil-speaking customer (Lakshmi). Marathi (Asha) falls back to English, which
// shows the language fallback in the outbox. Plus one email and one SMS template for the
// outbox's other previews.
import { getTemplate, upsertTemplate, type Db, type TemplateInput } from '@yatra/db';

type Text = { en: string; hi: string; ta?: string };

function whatsapp(
  id: string,
  name: string,
  category: 'utility' | 'marketing',
  variables: string[],
  text: Text,
  headerMedia: TemplateInput['variants'][number]['headerMedia'] = null,
): TemplateInput {
  return {
    id,
    name,
    channel: 'whatsapp',
    category,
    defaultLanguage: 'en',
    variables,
    variants: Object.entries(text).map(([language, body]) => ({
      language,
      body,
      subject: null,
      // A header video is a per-send parameter (the rendered video); the URL here is a sample.
      headerMedia,
      providerTemplateName: id,
      dltTemplateId: null,
    })),
  };
}

const NAME = ['name'];
const POINTS_BALANCE = ['name', 'points', 'balance'];

export const demoTemplates: TemplateInput[] = [
  whatsapp('order_confirmation', 'Order confirmation', 'utility', ['name', 'orderId'], {
    en: 'Hi {{name}}, your order {{orderId}} is confirmed. We will keep you posted on delivery.',
    hi: 'नमस्ते {{name}}, आपका ऑर्डर {{orderId}} कन्फ़र्म हो गया है। डिलीवरी की जानकारी हम आपको देते रहेंगे।',
    ta: 'வணக்கம் {{name}}, உங்கள் ஆர்டர் {{orderId}} உறுதிசெய்யப்பட்டது. டெலிவரி விவரங்களை விரைவில் அனுப்புவோம்.',
  }),
  whatsapp('cod_reassurance', 'Cash on delivery: easy returns', 'utility', NAME, {
    en: 'Thanks for choosing cash on delivery, {{name}}. Not happy? Returns are free for 7 days.',
    hi: '{{name}}, कैश ऑन डिलीवरी चुनने के लिए धन्यवाद। पसंद न आए तो 7 दिनों में मुफ़्त वापसी।',
  }),
  whatsapp('how_to_use', 'How to use', 'utility', NAME, {
    en: 'Your order has arrived, {{name}}! Here is how to get the best out of it.',
    hi: '{{name}}, आपका ऑर्डर पहुँच गया! इसे इस्तेमाल करने का सबसे अच्छा तरीका यहाँ देखें।',
    ta: '{{name}}, உங்கள் ஆர்டர் வந்துவிட்டது! இதைச் சிறப்பாகப் பயன்படுத்தும் வழி இதோ.',
  }),
  whatsapp('csat_request', 'How was it? (CSAT)', 'utility', NAME, {
    en: 'How was your order, {{name}}? Reply with a score from 1 to 5.',
    hi: '{{name}}, आपका ऑर्डर कैसा रहा? 1 से 5 के बीच रेटिंग भेजें।',
    ta: '{{name}}, உங்கள் ஆர்டர் எப்படி இருந்தது? 1 முதல் 5 வரை மதிப்பெண் அனுப்புங்கள்.',
  }),
  whatsapp('delivery_delay', 'Checking on a late delivery', 'utility', ['name', 'orderId'], {
    en: 'Sorry {{name}}, order {{orderId}} is taking longer than it should. We are on it.',
    hi: 'माफ़ कीजिए {{name}}, ऑर्डर {{orderId}} में देरी हो रही है। हम इसे जल्द पहुँचाने में लगे हैं।',
  }),
  whatsapp('cross_sell_nudge', 'Next best product', 'marketing', NAME, {
    en: '{{name}}, picked for you: the perfect partner for your last order. Take a look!',
    hi: '{{name}}, आपके लिए चुना गया: आपके पिछले ऑर्डर का सबसे अच्छा साथी। एक नज़र डालें!',
  }),
  whatsapp('loyalty_invite', 'Join the loyalty club', 'marketing', NAME, {
    en: '{{name}}, join our loyalty club and earn points on every order.',
    hi: '{{name}}, हमारे लॉयल्टी क्लब से जुड़ें और हर ऑर्डर पर पॉइंट्स कमाएँ।',
  }),
  whatsapp('loyalty_points_earned', 'Points earned', 'utility', POINTS_BALANCE, {
    en: 'Hi {{name}}, you earned {{points}} points. Your balance is {{balance}} points.',
    hi: 'नमस्ते {{name}}, आपने {{points}} पॉइंट्स कमाए। आपका बैलेंस {{balance}} पॉइंट्स है।',
  }),
  whatsapp(
    'loyalty_points_earned_redeemable',
    'Points earned, redeemable',
    'utility',
    POINTS_BALANCE,
    {
      en: 'Hi {{name}}, you earned {{points}} points. Balance {{balance}}: enough to redeem on your next order!',
      hi: 'नमस्ते {{name}}, आपने {{points}} पॉइंट्स कमाए। बैलेंस {{balance}}: अगले ऑर्डर पर इस्तेमाल करें!',
    },
  ),
  whatsapp(
    'loyalty_tier_almost_there',
    'Almost at the next tier',
    'utility',
    ['name', 'toNextTier', 'nextTier'],
    {
      en: '{{name}}, you are only {{toNextTier}} away from {{nextTier}}!',
      hi: '{{name}}, आप {{nextTier}} से बस {{toNextTier}} दूर हैं!',
    },
  ),
  whatsapp(
    'loyalty_tier_progress',
    'Progress to the next tier',
    'utility',
    ['name', 'toNextTier', 'nextTier', 'progress'],
    {
      en: '{{name}}, you are {{progress}} of the way to {{nextTier}}. {{toNextTier}} to go.',
      hi: '{{name}}, आप {{nextTier}} की ओर {{progress}} पहुँच गए हैं। बस {{toNextTier}} और।',
    },
  ),
  whatsapp(
    'loyalty_points_expiring',
    'Points expiring',
    'utility',
    ['name', 'points', 'date', 'balance'],
    {
      en: '{{name}}, {{points}} of your points expire on {{date}}. Balance: {{balance}}.',
      hi: '{{name}}, आपके {{points}} पॉइंट्स {{date}} को समाप्त हो जाएँगे। बैलेंस: {{balance}}।',
    },
  ),
  whatsapp(
    'loyalty_birthday_bonus',
    'Birthday bonus',
    'utility',
    ['name', 'points', 'validTill', 'balance'],
    {
      en: 'Happy birthday, {{name}}! 🎂 {{points}} bonus points, valid till {{validTill}}. Balance: {{balance}}.',
      hi: 'जन्मदिन मुबारक, {{name}}! 🎂 {{points}} बोनस पॉइंट्स, {{validTill}} तक मान्य। बैलेंस: {{balance}}।',
    },
  ),
  whatsapp('loyalty_redeem_offer', 'Redeem at cart', 'utility', ['name', 'points', 'reward'], {
    en: '{{name}}, use {{points}} points for {{reward}} on this cart? Tap to apply.',
    hi: '{{name}}, इस कार्ट पर {{points}} पॉइंट्स से {{reward}} पाएँ? लागू करने के लिए टैप करें।',
  }),
  whatsapp(
    'loyalty_redeem_applied',
    'Redemption applied',
    'utility',
    ['name', 'reward', 'points', 'balance'],
    {
      en: 'Done, {{name}}: {{reward}} applied for {{points}} points. New balance: {{balance}}.',
      hi: 'हो गया, {{name}}: {{points}} पॉइंट्स से {{reward}} लागू। नया बैलेंस: {{balance}}।',
    },
  ),
  whatsapp('loyalty_redeem_insufficient', 'Not enough points', 'utility', ['name', 'balance'], {
    en: 'Sorry {{name}}, your balance ({{balance}} points) is no longer enough for this reward.',
    hi: 'माफ़ कीजिए {{name}}, आपका बैलेंस ({{balance}} पॉइंट्स) अब इस रिवॉर्ड के लिए काफ़ी नहीं है।',
  }),
  whatsapp(
    'order_video',
    'Your order video',
    'utility',
    ['video', 'thumbnail', 'gif'],
    {
      en: 'A short video about your order is here. Tap to play.',
      hi: 'आपके ऑर्डर का छोटा-सा वीडियो आ गया है। चलाने के लिए टैप करें।',
    },
    { kind: 'video', url: 'https://media.yatra.example/placeholder.mp4' },
  ),
  whatsapp('order_text', 'Order update (text fallback)', 'utility', ['reason'], {
    en: 'Your order is on its way. (Video unavailable: {{reason}})',
    hi: 'आपका ऑर्डर रास्ते में है। (वीडियो उपलब्ध नहीं: {{reason}})',
  }),
  {
    id: 'order_confirmation_email',
    name: 'Order confirmation (email)',
    channel: 'email',
    category: 'utility',
    defaultLanguage: 'en',
    variables: ['name', 'orderId'],
    variants: [
      {
        language: 'en',
        subject: 'Order {{orderId}} is confirmed',
        body: 'Hi {{name}},\n\nThank you for your order {{orderId}}. We will email you again when it ships.\n\nTeam Yatra',
        headerMedia: null,
        providerTemplateName: null,
        dltTemplateId: null,
      },
      {
        language: 'hi',
        subject: 'ऑर्डर {{orderId}} कन्फ़र्म हो गया',
        body: 'नमस्ते {{name}},\n\nऑर्डर {{orderId}} के लिए धन्यवाद। शिप होते ही हम आपको फिर ईमेल करेंगे।\n\nटीम यात्रा',
        headerMedia: null,
        providerTemplateName: null,
        dltTemplateId: null,
      },
    ],
  },
  {
    id: 'order_shipped_sms',
    name: 'Order shipped (SMS)',
    channel: 'sms',
    category: 'utility',
    defaultLanguage: 'en',
    variables: ['name', 'orderId'],
    variants: [
      {
        language: 'en',
        subject: null,
        body: 'Hi {{name}}, your order {{orderId}} has shipped. Track it in the app. -YATRA',
        headerMedia: null,
        providerTemplateName: null,
        dltTemplateId: '1107161234567890123',
      },
    ],
  },
];

/**
 * Registers the demo templates that are not registered yet. A template edited on the templates
 * page is the brand's own and is never overwritten on the next start.
 */
export async function seedDemoTemplates(db: Db): Promise<number> {
  let created = 0;
  for (const template of demoTemplates) {
    if (await getTemplate(db, template.id)) continue;
    await upsertTemplate(db, template);
    created += 1;
  }
  return created;
}
