using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Programmes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "OccupationObservations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "OccupationObservations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "OccupationObservations",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");

            migrationBuilder.AddColumn<DateOnly>(
                name: "InformedOn",
                table: "BenefitMonths",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "BenefitMonths",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "BenefitMonths",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BenefitMonths",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");

            migrationBuilder.CreateTable(
                name: "Employer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VisitingAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsCityAdministration = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 401, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Programme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmployerContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerContact_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vacancy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaceOfWork = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDayToPropose = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LanguageCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    LanguageLevel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    DrivingLicence = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    EducationLevel = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    YearsOfExperience = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 401, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancy", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancy_Employer_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeMembership",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TakenInByProgramme = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeMembership", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeMembership_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeMembership_Programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeYear",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalFunding = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeYear", x => x.Id);
                    table.CheckConstraint("CK_ProgrammeYear_FundingWithinCost", "\"ExternalFunding\" >= 0 AND \"ExternalFunding\" <= \"Cost\"");
                    table.ForeignKey(
                        name: "FK_ProgrammeYear_Programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Employer_OrganisationNumber_UnitKey",
                table: "Employer",
                columns: new[] { "OrganisationNumber", "UnitKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmployerContact_EmployerId",
                table: "EmployerContact",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Programme_NameKey",
                table: "Programme",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMembership_OneOpenPerCase",
                table: "ProgrammeMembership",
                columns: new[] { "CaseId", "ProgrammeId" },
                unique: true,
                filter: "\"LeftOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMembership_ProgrammeId_JoinedOn",
                table: "ProgrammeMembership",
                columns: new[] { "ProgrammeId", "JoinedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeYear_ProgrammeId_Year",
                table: "ProgrammeYear",
                columns: new[] { "ProgrammeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vacancy_EmployerId",
                table: "Vacancy",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancy_Status_StartDate",
                table: "Vacancy",
                columns: new[] { "Status", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmployerContact");

            migrationBuilder.DropTable(
                name: "ProgrammeMembership");

            migrationBuilder.DropTable(
                name: "ProgrammeYear");

            migrationBuilder.DropTable(
                name: "Vacancy");

            migrationBuilder.DropTable(
                name: "Programme");

            migrationBuilder.DropTable(
                name: "Employer");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "InformedOn",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BenefitMonths");
        }
    }
}
