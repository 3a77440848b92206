using System.Text;
using Jobbtorg.Data;

namespace Jobbtorg.Bench;

/// <summary>
/// Writes a city-scale case-event stream: the Tax Agency's official test personal numbers, each person with
/// one case after another (never two open at once), every event type, follow-up months and observations.
/// Deterministic for a seed, so runs are comparable.
/// </summary>
public static class CaseEventStream
{
    public static long Write(string path, long events, IEnumerable<string> testPersonalNumbers, int seed = 2026)
    {
        var people = testPersonalNumbers
            .Where(p => int.Parse(p[..4]) is >= 1950 and <= 2002).ToArray();
        var districts = ReferenceData.Districts.Select(d => (d.Code, d.AdultCentre)).ToArray();
        var random = new Random(seed);
        var lastDay = new DateOnly(2026, 10, 31);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        long written = 0;
        var caseNumber = 0;

        void Line(string json)
        {
            output.Write(json);
            output.Write('\n');
            written++;
        }
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

        // Each person's next case is referred some time after the last one closed; an open case ends their story.
        var nextReferral = people.Select(_ => new DateOnly(2017, 1, 1).AddDays(random.Next(0, 2900))).ToArray();
        var anyone = true;
        while (written < events && anyone)
        {
            anyone = false;
            for (var index = 0; index < people.Length; index++)
            {
                if (written >= events) break;
                var person = people[index];
                var day = nextReferral[index];
                if (day > lastDay.AddDays(-60)) continue;
                anyone = true;
                nextReferral[index] = DateOnly.MaxValue;
                var gender = (person[10] - '0') % 2 == 1 ? "M" : "F";
                var caseRef = $"B-{++caseNumber}";
                var (district, centre) = districts[random.Next(districts.Length)];
                var benefit = random.NextDouble() < 0.85 ? "true" : "false";
                Line($$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{person}}","district":"{{district}}","targetGroup":"UnemployedOnBenefit","date":"{{D(day)}}","gender":"{{gender}}","receivesBenefit":{{benefit}},"hasChildren":{{(random.Next(3) == 0 ? "true" : "false")}},"newlyUnemployed":false,"newlyArrived":false}""");
                var meeting = day.AddDays(random.Next(5, 15));
                Line($$"""{"type":"infoMeeting","caseRef":"{{caseRef}}","date":"{{D(meeting)}}","attended":true}""");
                if (random.Next(10) == 0)
                {
                    Line($$"""{"type":"closure","caseRef":"{{caseRef}}","date":"{{D(meeting.AddDays(3))}}","reason":"Other","subReason":"NoLongerOnBenefit"}""");
                    nextReferral[index] = meeting.AddDays(random.Next(30, 400));
                    continue;
                }
                var enrolled = meeting.AddDays(random.Next(0, 4));
                Line($$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"{{D(enrolled)}}","jobCentre":"{{centre}}","coach":"coach-{{random.Next(1, 249)}}"}""");
                var last = enrolled.AddDays(random.Next(1, 12));
                Line($$"""{"type":"planAgreed","caseRef":"{{caseRef}}","date":"{{D(last)}}"}""");
                if (random.Next(6) == 0)
                {
                    Line($$"""{"type":"pause","caseRef":"{{caseRef}}","date":"{{D(last.AddDays(5))}}","reason":"Sickness"}""");
                    last = last.AddDays(5 + random.Next(3, 30));
                    Line($$"""{"type":"resume","caseRef":"{{caseRef}}","date":"{{D(last)}}"}""");
                }
                for (var week = 0; week < random.Next(2, 8); week++)
                {
                    last = last.AddDays(7);
                    Line($$"""{"type":"attendance","caseRef":"{{caseRef}}","date":"{{D(last)}}","status":"{{(random.Next(8) == 0 ? "UnexcusedAbsence" : "Present")}}"}""");
                }
                if (random.Next(4) == 0)
                {
                    var end = last.AddMonths(6);
                    Line($$"""{"type":"placement","caseRef":"{{caseRef}}","kind":"MunicipalJob","start":"{{D(last.AddDays(1))}}","end":"{{D(end)}}","employer":"2120000142"}""");
                    last = end;
                }
                var closed = last.AddDays(random.Next(10, 300));
                if (closed > lastDay) continue; // still open
                var reason = random.Next(5) switch { 0 => "\"Work\",\"subReason\":\"Unsubsidised\"", 1 => "\"Studies\"", 2 => "\"EmploymentProgramme\"", 3 => "\"Other\",\"subReason\":\"Moved\"", _ => "\"Unknown\"" };
                Line($$"""{"type":"closure","caseRef":"{{caseRef}}","date":"{{D(closed)}}","reason":{{reason}}}""");
                nextReferral[index] = closed.AddDays(random.Next(30, 400));
                var followUp = closed.AddMonths(6);
                if (followUp <= lastDay)
                    Line($$"""{"type":"benefitMonth","personalNumber":"{{person}}","month":"{{followUp:yyyy-MM}}","receivesBenefit":{{(random.Next(4) == 0 ? "true" : "false")}}}""");
                if (random.Next(3) == 0 && closed.AddDays(90) <= lastDay)
                    Line($$"""{"type":"occupationStatus","personalNumber":"{{person}}","date":"{{D(closed.AddDays(90))}}","status":"{{(random.Next(3) == 0 ? "Neither" : "Working")}}"}""");
            }
        }
        return written;
    }
}
