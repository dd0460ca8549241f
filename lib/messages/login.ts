/** Sign-in page and its form. */
export const loginMsg = {
  demoHint: "演示账号见 README 的“用户与权限”一节。",
  usernameRequired: "请填写用户名",
  usernameTooLong: "用户名过长",
  passwordRequired: "请填写密码",
  passwordTooLong: "密码过长",
  signingIn: "登录中…",
};
