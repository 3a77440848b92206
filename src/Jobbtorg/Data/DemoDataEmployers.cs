using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>
/// Demo employers for the matchers: a staffing firm, local businesses and two of the city's administrations, with
/// contact people and open vacancies dated from today. The companies, their numbers (valid, in a series no real company
/// holds) and the people are made up; the city's administrations share the city's organisation number, as they do.
/// Seeded once: nothing is added when an employer exists.
/// </summary>
public static class DemoDataEmployers
{
    private const string By = DemoData.ReferredBy;
    private const string City = "2120000142";

    private sealed record DemoEmployer(string Number, string? Unit, string Name, Industry Industry, string Visiting, string Postal, bool City,
        (string Name, string Role, string Phone, string Email)[] Contacts,
        (string Title, string Occupation, PlacementKind Kind, int Places, int Hours, string Where, int StartsInDays, string? Licence, string? Language)[] Vacancies);

    private static readonly DemoEmployer[] Employers =
    [
        new("5599001020", null, "Söderbemanning AB", Industry.N, "Götgatan 100, 118 62 Stockholm", "Box 4711, 116 91 Stockholm", false,
            [("Lina Demoberg", "Rekryterare", "08-555 010 20", "lina.demoberg@soderbemanning.example")],
            [("Lagerarbetare", "9332", PlacementKind.Employment, 6, 40, "Årsta partihallar", 21, null, "sv"),
             ("Truckförare", "8344", PlacementKind.Employment, 2, 40, "Länna industriområde", 28, "B", null)]),
        new("5599001038", null, "Farsta Bageri & Café AB", Industry.I, "Farsta torg 12, 123 47 Farsta", "Farsta torg 12, 123 47 Farsta", false,
            [("Omid Exempelsson", "Ägare", "08-555 010 38", "omid@farstabageri.example")],
            [("Konditoribiträde", "9413", PlacementKind.Internship, 1, 30, "Farsta centrum", 14, null, null),
             ("Kafébiträde", "9413", PlacementKind.SubsidizedEmployment, 1, 30, "Farsta centrum", 30, null, "sv")]),
        new("5599001046", null, "Högdalens Bygg & Måleri AB", Industry.F, "Harpsundsvägen 88, 124 40 Bandhagen", "Harpsundsvägen 88, 124 40 Bandhagen", false,
            [("Kerstin Provare", "Arbetsledare", "070-555 10 46", "kerstin@hogdalensbygg.example")],
            [("Målare", "7131", PlacementKind.Employment, 2, 40, "Projekt i södra Stockholm", 35, "B", null)]),
        new("5599001053", null, "Kista Städservice AB", Industry.N, "Kistagången 20, 164 40 Kista", "Box 1053, 164 21 Kista", false,
            [("Adam Testlund", "Platschef", "08-555 010 53", "adam@kistastad.example"),
             ("Maryam Fiktiv", "Personalansvarig", "08-555 010 54", "maryam@kistastad.example")],
            [("Lokalvårdare", "9111", PlacementKind.Internship, 3, 20, "Kista", 10, null, null)]),
        new(City, "Farsta stadsdelsförvaltning", "Stockholms stad", Industry.O, "Farstavägen 61, 123 47 Farsta", "Box 44, 123 21 Farsta", true,
            [("Eva Påhittad", "Enhetschef, parkmiljö", "08-508 000 00", "eva.pahittad@stockholm.example")],
            [("Parkarbetare", "6113", PlacementKind.MunicipalJob, 4, 40, "Farsta parker", 21, "B", null),
             ("Elevassistent", "5312", PlacementKind.MunicipalJob, 2, 40, "Skolor i Farsta", 45, null, "sv")]),
        new(City, "Äldreförvaltningen", "Stockholms stad", Industry.Q, "Fleminggatan 4, 112 26 Stockholm", "Box 8500, 104 20 Stockholm", true,
            [("Johan Exempel", "Rekryteringssamordnare", "08-508 000 01", "johan.exempel@stockholm.example")],
            [("Undersköterska", "5321", PlacementKind.MunicipalJob, 5, 40, "Vård- och omsorgsboenden i Söderort", 30, null, "sv")]),
    ];

    public static async Task SeedAsync(JobbtorgDb db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<Employer>().AnyAsync(ct)) return;
        var today = clock.Today();
        var at = clock.GetUtcNow();
        foreach (var demo in Employers)
        {
            var employer = Employer.Register(new EmployerRequest
            {
                OrganisationNumber = demo.Number, Unit = demo.Unit, Name = demo.Name, Industry = demo.Industry,
                VisitingAddress = demo.Visiting, PostalAddress = demo.Postal, IsCityAdministration = demo.City,
            }, By, at);
            foreach (var c in demo.Contacts)
                employer.Contacts.Add(EmployerContact.For(0, new ContactRequest { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email }));
            db.Add(employer);
            await db.SaveChangesAsync(ct);
            foreach (var v in demo.Vacancies)
                db.Add(Vacancy.Register(new VacancyRequest
                {
                    EmployerId = employer.Id, Title = v.Title, Occupation = v.Occupation, Kind = v.Kind, Places = v.Places, HoursPerWeek = v.Hours,
                    PlaceOfWork = v.Where, StartDate = today.AddDays(v.StartsInDays), LastDayToPropose = today.AddDays(v.StartsInDays - 7),
                    DrivingLicence = v.Licence, Language = v.Language, LanguageLevel = v.Language is null ? null : "B1",
                }, By, at));
            await db.SaveChangesAsync(ct);
        }
    }
}
