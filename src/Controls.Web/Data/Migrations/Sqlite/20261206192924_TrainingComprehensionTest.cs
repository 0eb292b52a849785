using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingComprehensionTest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_tests",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    pass_mark = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_tests", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_tests_training_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_test_questions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    test_id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    text_ja = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    text_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_test_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_test_questions_training_tests_test_id",
                        column: x => x.test_id,
                        principalTable: "training_tests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_test_results",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    test_id = table.Column<string>(type: "TEXT", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    staff_member_id = table.Column<string>(type: "TEXT", nullable: true),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    taken_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    answers = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_test_results", x => x.id);
                    table.CheckConstraint("ck_training_test_results_person", "(user_id IS NULL) <> (staff_member_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_training_test_results_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_test_results_training_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_test_results_training_tests_test_id",
                        column: x => x.test_id,
                        principalTable: "training_tests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_test_results_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_test_choices",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    question_id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    text_ja = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    text_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    correct = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_test_choices", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_test_choices_training_test_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "training_test_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_test_choices_question_id",
                table: "training_test_choices",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_test_questions_test_id",
                table: "training_test_questions",
                column: "test_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_test_results_session_id_staff_member_id",
                table: "training_test_results",
                columns: new[] { "session_id", "staff_member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_test_results_session_id_user_id",
                table: "training_test_results",
                columns: new[] { "session_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_test_results_staff_member_id",
                table: "training_test_results",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_test_results_test_id",
                table: "training_test_results",
                column: "test_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_test_results_user_id",
                table: "training_test_results",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_tests_session_id_version",
                table: "training_tests",
                columns: new[] { "session_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_test_choices");

            migrationBuilder.DropTable(
                name: "training_test_results");

            migrationBuilder.DropTable(
                name: "training_test_questions");

            migrationBuilder.DropTable(
                name: "training_tests");
        }
    }
}
