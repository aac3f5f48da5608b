/**
 * Redaction of personal details and credentials: what each kind catches, what it must
 * leave alone (dates, versions, prices, hashes, code), the order that keeps one kind
 * from eating another, multilingual text kept byte-for-byte, and linear running time
 * on hostile input.
 */
import { describe, expect, it } from 'vitest';
import { REDACTION_KINDS, placeholder, redact, type RedactionKind } from '../../lib/redact';

/** The text with `[kind]` in place of the secret, and nothing else changed. */
function expectRedacted(input: string, secret: string, kind: RedactionKind) {
  const sentence = `Before ${input} after.`;
  const r = redact(sentence);
  expect(r.text).toBe(`Before ${input.replace(secret, placeholder(kind))} after.`);
  expect(r.counts).toEqual({ [kind]: 1 });
}

function expectKept(input: string) {
  const r = redact(input);
  expect(r.text).toBe(input);
  expect(r.counts).toEqual({});
}

describe('email', () => {
  it.each([
    'jane.doe@example.com',
    'jane+newsletter@example.com',
    'j_d-99@mail.sub.example.co.uk',
    'JANE@EXAMPLE.ORG',
    'josé@exämple.de',
    'пользователь@пример.рф',
    '用户@例子.中国',
    'ユーザー@例え.jp',
    'user@xn--bcher-kva.ch',
    'o%reilly@example.io',
  ])('redacts %s', (email) => {
    expectRedacted(email, email, 'email');
  });

  it.each([
    ['in a sentence end', 'Write to jane@example.com.', 'Write to [email].'],
    ['in angle brackets', 'Jane <jane@example.com>', 'Jane <[email]>'],
    ['in a mailto link', '[mail](mailto:jane@example.com)', '[mail](mailto:[email])'],
    ['glued to Chinese text', '邮箱jane@example.com的主人', '邮箱[email]的主人'],
    ['after a Japanese particle', 'メールはjane@example.comです', 'メールは[email]です'],
    ['with leading dots trimmed', '...jane@example.com', '...[email]'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['an @mention', 'Thanks @alice and @bob-smith!'],
    ['a host without a dot', 'ssh user@localhost or root@server'],
    ['an npm package version', 'install react@18.2.0 and lodash@4.17.21'],
    ['a scoped package', 'npm i @types/node@20'],
    ['a decorator', '@Component({ selector: "app" })'],
    ['a lone at sign', 'meet @ 5pm, a @ b'],
    ['a numeric top-level label', 'user@10.0.0'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });

  it('does not let a local part longer than 64 characters pass', () => {
    const r = redact(`${'a'.repeat(70)}@example.com`);
    expect(r.counts.email).toBeUndefined();
  });
});

describe('phone', () => {
  it.each([
    '+44 20 7946 0958',
    '+91 98765 43210',
    '+1 (415) 555-0132',
    '+49 30 901820',
    '+86 138 0013 8000',
    '+33 6 12 34 56 78',
    '+81 3-1234-5678',
    '+61 2 9876 5432',
    '+44 (0)20 7946 0958',
    '+4930901820',
    '+1.415.555.0132',
    '+254 712 345678',
    '(415) 555-0132',
    '415-555-0132',
    '415.555.0132',
    '415 555 0132',
    '1-800-555-0199',
    '020 7946 0958',
    '07700 900123',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '030 901820',
    '(02) 9876 5432',
    '0412 345 678',
    '03-1234-5678',
    '98765 43210',
    '138 0013 8000',
    '13800138000',
    '09012345678',
    '00 44 20 7946 0958',
  ])('redacts %s', (phone) => {
    expectRedacted(phone, phone, 'phone');
  });

  it.each([
    ['digits glued to Chinese', '电话13800138000', '电话[phone]'],
    ['digits between Chinese', '请拨打13800138000联系我', '请拨打[phone]联系我'],
    ['Japanese', '電話番号は03-1234-5678です。', '電話番号は[phone]です。'],
    ['Chinese full-width punctuation', '手机：138 0013 8000。', '手机：[phone]。'],
    ['a list', 'Call 415-555-0132 or 415-555-0133.', 'Call [phone] or [phone].'],
    ['a number with a count after it', 'Call 415 555 0132 24 hours a day', 'Call [phone] 24 hours a day'],
    ['emoji before', '📞+44 20 7946 0958', '📞[phone]'],
    ['a French number with dots', 'Tél. 06.12.34.56.78.', 'Tél. [phone].'],
    ['a tel link', '<a href="tel:+14155550132">', '<a href="tel:[phone]">'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['an ISO date', 'Released on 2026-11-23.'],
    ['a European date', 'Am 23.11.2026 um 14:30 Uhr'],
    ['a date with a time', 'Due 05.11.2026 12 Uhr'],
    ['a US date', 'on 11/23/2026 and 11-23-2026'],
    ['a time', 'at 12:30:45 or 09:15'],
    ['a version', 'version 1.2.3 and 10.4.12 and v2.0.0-beta.1'],
    ['a year', 'In 2026, 1,500 people'],
    ['a year range', '1990-2020 and 2019–2024'],
    ['a price', 'It costs $1,299.00 or €1.299,00 or 1 299 €'],
    ['arithmetic', '3 + 4 = 7 and 12345 + 67890 = 80235'],
    ['plain short numbers', 'Step 1, 2, 3; chapter 12; 500 ms'],
    ['an ISBN-13', 'ISBN 978-3-16-148410-0'],
    ['an ISBN-10', 'ISBN 0-306-40615-2'],
    ['an order number in a word', 'Order ORD4155550132 and ref A13800138000'],
    ['a bare 10-digit number', 'Order 4155550132 shipped'],
    ['a decimal list', 'pi 3.14159 2.71828 and 0.5 0.25 0.125'],
    ['coordinates', '51.5074, -0.1278'],
    ['a unix timestamp', 'ts=1732358400'],
    ['a number in a word', 'abc12345678def'],
    ['a big number with separators', '1,234,567,890'],
    ['a phone-length number glued to letters', 'id4155550132'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });
});

describe('card', () => {
  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5555 5555 5555 4444',
    '5500 0055 5555 5559',
    '2223 0031 2200 3222',
    '3782 822463 10005',
    '378282246310005',
    '6011 1111 1111 1117',
    '3530 1113 3330 0000',
    '4222222222222',
    '6200 0000 0000 0005',
  ])('redacts %s', (card) => {
    expectRedacted(card, card, 'card');
  });

  it.each([
    ['followed by an expiry', 'Card 4111 1111 1111 1111 12/28', 'Card [card] 12/28'],
    ['after a colon', 'card:4242424242424242.', 'card:[card].'],
    ['in Chinese', '卡号4111111111111111，谢谢', '卡号[card]，谢谢'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['a 16-digit number that fails Luhn', '4111 1111 1111 1112'],
    ['the same without spaces', '4111111111111112'],
    ['a Luhn-failing Mastercard layout (and not a phone either)', '5500 0055 5555 5558'],
    ['a Luhn-valid number starting with 1, 7, 8, 9 or 0', '1234567812345670 and 9780306406157'],
    ['too short', '411111111111'],
    ['too long', '41111111111111111111111'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['double spaces', '4111  1111  1111  1111'],
    ['glued to letters', 'x4111111111111111'],
    ['a decimal', '4111111111111111.5'],
    ['a tweet id in a URL', 'https://x.com/a/status/1234567890123456789'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });
});

describe('iban', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91 ABNA 0417 1643 00',
    'NO9386011117947',
    'gb82 west 1234 5698 7654 32',
  ])('redacts %s', (iban) => {
    expectRedacted(iban, iban, 'iban');
  });

  it.each([
    ['followed by an upper-case word', 'DE89 3704 0044 0532 0130 00 BANK', '[iban] BANK'],
    ['in Chinese', '账户DE89370400440532013000。', '账户[iban]。'],
    ['in Arabic', 'رقم الحساب DE89370400440532013000 شكرا', 'رقم الحساب [iban] شكرا'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['a wrong check digit', 'GB82 WEST 1234 5698 7654 33'],
    ['the same compact', 'DE89370400440532013001'],
    ['a product code', 'Model AB12CD34EF56GH78'],
    ['too short', 'GB82 WEST 1234'],
    ['glued to letters', 'xDE89370400440532013000'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });
});

describe('ip', () => {
  it.each([
    '192.168.1.1',
    '8.8.8.8',
    '255.255.255.255',
    '0.0.0.0',
    '127.0.0.1',
    '2001:db8::1',
    'fe80::1ff:fe23:4567:890a',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '::1',
    '::ffff:192.0.2.1',
    '2001:db8:0:0:1::',
  ])('redacts %s', (ip) => {
    expectRedacted(ip, ip, 'ip');
  });

  it.each([
    ['with a port', 'http://192.168.1.1:8080/', 'http://[ip]:8080/'],
    ['with a prefix length', '10.0.0.0/8', '[ip]/8'],
    ['after a label', 'IP:10.0.0.1', 'IP:[ip]'],
    ['IPv6 in brackets', 'http://[2001:db8::1]:80', 'http://[[ip]]:80'],
    ['at a sentence end', 'Server is 10.1.2.3.', 'Server is [ip].'],
    ['in Chinese', '服务器地址是192.168.0.10。', '服务器地址是[ip]。'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['a three-part version', 'version 1.2.3'],
    ['a labelled four-part version', 'version 1.2.3.4 and v10.0.0.1'],
    ['an octet over 255', '999.1.1.1 and 256.1.1.1'],
    ['five parts', '1.2.3.4.5'],
    ['leading zeros', '01.02.03.04'],
    ['a time', '12:30:45 and 23:59'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['C++ and Rust paths', 'std::vector, a::b, dead::beef, Vec::new()'],
    ['a ratio', 'ratio 16:9'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });
});

describe('secret', () => {
  it.each([
    'sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD',
    'sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678',
    'sk-ant-api03-abcDEF123456ghiJKL789mnoPQR012stuVWX',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'gho_16C7e42F292c6912E7710c838347Ae178B4a',
    'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    'xoxp-123456789012-123456789012-abcdef',
    'AKIAIOSFODNN7EXAMPLE',
    'AIzaSyA-1234567890abcdefghijklmnopqrstu',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ])('redacts %s', (key) => {
    expectRedacted(key, key, 'secret');
  });

  it.each([
    ['a Bearer token (the word stays)', 'Authorization: Bearer abc123def456ghi789jkl', 'Authorization: Bearer [secret]'],
    ['a lower-case bearer', 'bearer abc123def456ghi789', 'bearer [secret]'],
    ['Basic credentials', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [secret]'],
    ['api_key=', 'api_key=0123456789abcdef0123456789abcdef', 'api_key=[secret]'],
    ['an env variable', 'OPENAI_API_KEY=abcd1234efgh5678ijkl', 'OPENAI_API_KEY=[secret]'],
    ['AWS secret', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS_SECRET_ACCESS_KEY=[secret]'],
    ['JSON token', '{"token": "abcdef123456abcdef"}', '{"token": "[secret]"}'],
    ['JSON camelCase', '{"accessToken":"a1b2c3d4e5f6g7h8i9"}', '{"accessToken":"[secret]"}'],
    ['YAML client secret', 'client_secret: 9f8e7d6c5b4a39281706', 'client_secret: [secret]'],
    ['a password', 'password: hunter2', 'password: [secret]'],
    ['a quoted password with spaces', 'PASSWORD = "correct horse battery"', 'PASSWORD = "[secret]"'],
    ['a CLI flag', 'mysql --password=S3cr3t!', 'mysql --password=[secret]'],
    ['a URL query', 'https://api.example.com/v1?user=1&api_key=abc123def456ghi789', 'https://api.example.com/v1?user=1&api_key=[secret]'],
    ['an OpenAI key after its label', 'OPENAI_API_KEY=sk-proj-Abc123Def456Ghi789Jkl012Mno', 'OPENAI_API_KEY=[secret]'],
    ['a sentence-final password', 'Use password: Tr0ub4dor&3.', 'Use password: [secret].'],
    ['a password ending in !', 'password=hunter2!', 'password=[secret]'],
  ])('%s', (_, input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it.each([
    ['a bare git SHA', 'Fixed in 3f786850e387550fdab836ed7e6dc881de23001b.'],
    ['a short SHA', 'commit 3f78685'],
    ['a bare sha256', 'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a long ordinary word', 'Pneumonoultramicroscopicsilicovolcanoconiosis and antidisestablishmentarianism'],
    ['sk- in a word', 'task-management-system-for-teams-2024 and risk-assessment-framework-v2-final'],
    ['a documentation placeholder key', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['placeholder values', 'api_key=YOUR_API_KEY token: <token> password: ${PASSWORD} secret=process.env.SECRET'],
    ['a token described in prose', 'The token: it is short. Password: required.'],
    ['Bearer in prose', 'Bearer bonds were popular. Use Bearer <token>.'],
    ['a label-like word', 'monkey: 0123456789abcdef0123 and turkey=abcdef0123456789abcd'],
    ['a base64 blob without a label', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='],
    ['a UUID', 'id 550e8400-e29b-41d4-a716-446655440000'],
  ])('keeps %s', (_, input) => {
    expectKept(input);
  });
});

describe('order and overlap', () => {
  it.each([
    ['a card is not eaten as a phone', 'Pay with 4111 1111 1111 1111 today', 'Pay with [card] today', { card: 1 }],
    ['an IBAN is not eaten by phone or card', 'IBAN DE89 3704 0044 0532 0130 00.', 'IBAN [iban].', { iban: 1 }],
    ['an IP is not a phone', '10.100.200.123', '[ip]', { ip: 1 }],
    ['an email with digits is one email', '4155550132@example.com', '[email]', { email: 1 }],
    ['a labelled card number is a secret', 'password: 4111111111111111', 'password: [secret]', { secret: 1 }],
    ['a JWT after Bearer is one secret', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghij', 'Bearer [secret]', { secret: 1 }],
    ['a phone next to a card', '4111 1111 1111 1111 020 7946 0958', '[card] [phone]', { card: 1, phone: 1 }],
  ])('%s', (_, input, text, counts) => {
    expect(redact(input)).toEqual({ text, counts });
  });
});

describe('multilingual text', () => {
  const keep = [
    '这是一个关于机器学习的回答。模型在2026年发布，版本1.2.3。',
    'これは日本語の文章です。価格は1,299円、時間は12:30です。',
    'यह एक हिंदी वाक्य है। संस्करण 2.0 में 15 सुधार हैं।',
    'هذه جملة باللغة العربية. الإصدار 3.1 صدر عام 2024.',
    'Это предложение на русском языке. Версия 1.2.3, 2026 год.',
    'Habari ya asubuhi! Bei ni shilingi 1,500 tu, saa 3:30.',
    'Emoji 😀👍🏽👨‍👩‍👧 and flags 🇰🇪🇯🇵 stay.',
    '한국어 문장입니다. 버전 1.2.3.',
    'ภาษาไทยไม่มีช่องว่างระหว่างคำ ราคา 1,299 บาท',
  ];
  it.each(keep)('keeps %s exactly', (input) => {
    expectKept(input);
  });

  it('replaces only the spans in a mixed paragraph', () => {
    const input = [
      '你好！我的邮箱是jane@example.com，电话13800138000。',
      'こんにちは、メール：山田@例え.jp、電話は03-1234-5678です。',
      'नमस्ते, मेरा फ़ोन +91 98765 43210 है और ईमेल raj@example.in है।',
      'مرحبا، بريدي ahmed@example.sa ورقمي +966 50 123 4567.',
      'Привет! Пишите на иван@пример.рф или звоните +7 912 345-67-89.',
      'Jambo! Tuma pesa kwa IBAN GB82 WEST 1234 5698 7654 32 😀.',
      'Server 192.168.0.1, key sk-proj-Abc123Def456Ghi789Jkl012Mno 🔑',
    ].join('\n');
    const expected = [
      '你好！我的邮箱是[email]，电话[phone]。',
      'こんにちは、メール：[email]、電話は[phone]です。',
      'नमस्ते, मेरा फ़ोन [phone] है और ईमेल [email] है।',
      'مرحبا، بريدي [email] ورقمي [phone].',
      'Привет! Пишите на [email] или звоните [phone].',
      'Jambo! Tuma pesa kwa IBAN [iban] 😀.',
      'Server [ip], key [secret] 🔑',
    ].join('\n');
    const r = redact(input);
    expect(r.text).toBe(expected);
    expect(r.counts).toEqual({ email: 5, phone: 5, iban: 1, ip: 1, secret: 1 });
  });
});

describe('counts, idempotence and placeholders', () => {
  const sample =
    'Mail a@example.com, b@example.org; call +44 20 7946 0958; card 4111 1111 1111 1111; ' +
    'IBAN DE89370400440532013000; IP 10.0.0.1 and 2001:db8::1; token=abc123def456ghi789jkl.';

  it('counts every replacement by kind', () => {
    expect(redact(sample).counts).toEqual({ email: 2, phone: 1, card: 1, iban: 1, ip: 2, secret: 1 });
  });

  it('omits kinds that were not found, and keeps empty text', () => {
    expect(redact('')).toEqual({ text: '', counts: {} });
    expect(redact('Nothing personal here.')).toEqual({ text: 'Nothing personal here.', counts: {} });
  });

  it.each([
    sample,
    'password: "[secret]" and token=[secret] and [email]@example.com',
    '+[phone] [card] [iban] [ip]:[ip] Bearer [secret]',
  ])('is idempotent: %s', (input) => {
    const once = redact(input).text;
    const twice = redact(once);
    expect(twice.text).toBe(once);
    expect(twice.counts).toEqual({});
  });

  it('never matches its own placeholders, alone or packed together', () => {
    const all = REDACTION_KINDS.map(placeholder);
    expect(all).toEqual(['[email]', '[phone]', '[card]', '[iban]', '[ip]', '[secret]']);
    for (const text of [all.join(''), all.join(' '), all.join('\n'), all.map((p) => `token: ${p}`).join('; '), all.map((p) => `"password": "${p}"`).join(', ')]) {
      expect(redact(text)).toEqual({ text, counts: {} });
    }
  });
});

describe('running time', () => {
  const hostile: [string, string][] = [
    ['a@ repeated', 'a@'.repeat(100_000)],
    ['a. repeated then @', 'a.'.repeat(100_000) + '@'],
    ['a long local part', 'a'.repeat(200_000) + '@example.com'],
    ['a long domain without a dot', 'a@' + 'b'.repeat(200_000)],
    ['digits with spaces', '1 '.repeat(100_000)],
    ['digits with hyphens', '1-'.repeat(100_000)],
    ['digits with dots', '1.'.repeat(100_000)],
    ['parenthesised digits', '(1) '.repeat(50_000)],
    ['plus signs and digits', '+1 '.repeat(66_000)],
    ['one long number', '9'.repeat(200_000)],
    ['colons', 'a:'.repeat(100_000)],
    ['hex and colons', '0123456789abcdef:'.repeat(12_000)],
    ['time-like', '12:'.repeat(66_000)],
    ['IBAN prefixes', 'AB12 '.repeat(40_000)],
    ['labels', 'token='.repeat(33_000)],
    ['unterminated quotes', '"token": "'.repeat(20_000)],
    ['JWT prefixes', 'eyJaaaaa.'.repeat(20_000)],
  ];
  // Catastrophic backtracking, not speed: a quadratic pattern on 200,000 characters takes minutes,
  // so a bound of 10 s cannot fail on a busy machine by accident. Speed is in bench/redact.bench.ts.
  const BACKTRACKING_BOUND_MS = 10_000;
  it.each(hostile)('finishes on %s', { timeout: 30_000 }, (_, input) => {
    const t = performance.now();
    const r = redact(input);
    expect(performance.now() - t).toBeLessThan(BACKTRACKING_BOUND_MS);
    expect(r.text.length).toBeGreaterThan(0);
  });

  it('handles a 200,000-character answer', { timeout: 30_000 }, () => {
    const para =
      'Here is the answer. Write to jane@example.com or call +44 20 7946 0958. Version 1.2.3 shipped on 2026-11-23 at 12:30 for $1,299.00. ' +
      '电话13800138000，请联系。 Привет мир! नमस्ते दुनिया 😀 ';
    const input = para.repeat(Math.ceil(200_000 / para.length)).slice(0, 200_000);
    const t = performance.now();
    const r = redact(input);
    expect(performance.now() - t).toBeLessThan(BACKTRACKING_BOUND_MS);
    expect(r.counts.email).toBeGreaterThan(500);
    expect(r.text).not.toContain('jane@example.com');
  });
});
