import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './locales'
import { configureHttp } from './api/http'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus, { locale: zhCn })
app.use(router)

const session = useSessionStore(pinia)
configureHttp({
  csrfToken: () => session.csrfToken,
  onUnauthenticated: () => {
    session.clear()
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      void router.push({ name: 'login', query: { redirect: here.fullPath } })
    }
  },
  onMustChangePassword: () => {
    if (session.user) session.user.must_change_password = true
    void router.push({ name: 'password' })
  },
})

app.mount('#app')
